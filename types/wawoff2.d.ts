// wawoff2 (Google's WOFF2 codec compiled to WebAssembly) ships no types; this is the part we use.
declare module "wawoff2" {
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
