import { contentDisposition } from "@recouvra/domain";
import type { DocumentContent } from "./get-document-content.ts";

/**
 * The HTTP response of a document download, the same in the workspace and the portal. Inline only for
 * PDF and images (a browser shows them itself); nosniff so a text file is never run as HTML; never
 * cached, since the same URL answers 404 to anyone else.
 */
export function documentResponse(doc: DocumentContent): Response {
  // The driver hands back a Node Buffer, which DOM typings do not know is an ArrayBuffer view.
  return new Response(doc.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.bytes.length),
      "Content-Disposition": contentDisposition(doc.filename, doc.mimeType),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Another site cannot embed the file (an image, a PDF) in its own pages.
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
