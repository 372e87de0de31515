// Print-ready HTML to PDF in the one browser of a batch, and the per-recipient
// PDFs merged into one file for the print room (pdf-lib).
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import type { Browser } from './browser.ts';

export class PdfPrinter {
  private constructor(private readonly pages: Page[]) {}

  /** `parallel` pages print at once (2 suits a 2-core machine). */
  static async open(browser: Browser, parallel = 2): Promise<PdfPrinter> {
    const pages: Page[] = [];
    for (let i = 0; i < parallel; i++) pages.push(await browser.context.newPage());
    return new PdfPrinter(pages);
  }

  /** One document; the page size and margins come from the layout's CSS `@page`. */
  async print(html: string): Promise<Uint8Array> {
    const page = this.pages.pop();
    if (!page) throw new Error('PdfPrinter: more documents in flight than pages');
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      this.pages.push(page);
    }
  }

  get parallel(): number {
    return this.pages.length;
  }
}

/** How many pages a PDF has. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

/** One PDF holding every page of `documents`, in order; `title` is its Title metadata. */
export async function mergePdfs(documents: readonly Uint8Array[], title?: string): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  if (title) merged.setTitle(title);
  for (const bytes of documents) {
    const doc = await PDFDocument.load(bytes);
    const pages = await merged.copyPages(doc, doc.getPageIndices());
    for (const p of pages) merged.addPage(p);
  }
  return merged.save();
}
