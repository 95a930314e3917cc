/** The part of Eleventy's programmatic API the platform test uses (the package ships no types for it). */
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean; config?: (eleventyConfig: unknown) => void });
    write(): Promise<unknown>;
  }
}
