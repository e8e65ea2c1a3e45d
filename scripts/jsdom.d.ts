/**
 * The little of jsdom's API that scripts/measure-nearness.ts uses (the package ships no types,
 * and Vitest, which also uses it, needs none from us).
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    readonly window: Window & typeof globalThis;
  }
}
