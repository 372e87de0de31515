// The workflow tests' sandbox: the objects they use, and a raw GraphQL helper
// (both belong to the sandbox package, whose own tests use them too).
export { gql, startWorkflowSandbox, WORKFLOW_TEST_OBJECTS, type Answer } from 'twenty-sandbox/fixtures';
