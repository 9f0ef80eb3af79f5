/** qrcode's encoder alone (no canvas, PNG or terminal renderers); its types come from @types/qrcode. */
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
