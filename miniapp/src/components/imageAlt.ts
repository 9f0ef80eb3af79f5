interface NamedImageProps {
  'aria-label': string;
  nativeProps: { alt: string };
}

interface DecorativeImageProps {
  'aria-hidden': true;
  nativeProps: { alt: ''; role: 'presentation' };
}

/** Names an image in both builds: aria-label for the weapp's <image>, alt on the <img> inside H5's taro-image. */
export function imageAlt(text: string): NamedImageProps {
  return { 'aria-label': text, nativeProps: { alt: text } };
}

/** An image that adds nothing the text beside it does not say: screen readers skip it. */
export function decorativeImage(): DecorativeImageProps {
  return { 'aria-hidden': true, nativeProps: { alt: '', role: 'presentation' } };
}
