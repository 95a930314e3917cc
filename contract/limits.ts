/**
 * How much the API accepts. Longer input is refused, never cut; the widget's fields carry the
 * same limits so a reader learns it before sending.
 */
export const LIMITS = {
  name: 80,
  email: 254,
  website: 200,
  body: 10_000,
  siteId: 63,
  pageKey: 512,
  pageTitle: 300,
  pageUrl: 2048,
  password: 1000,
  /** Pages in one GET /api/counts. */
  pagesPerCountRequest: 100,
  /** Comments in one slice of GET /api/comments: the default and the most a reader may ask for. */
  threadSliceDefault: 100,
  threadSliceMax: 500,
  /** An export uploaded to POST /api/author/import (streamed, never held whole), in bytes. */
  importBytes: 200 * 1024 * 1024,
} as const;
