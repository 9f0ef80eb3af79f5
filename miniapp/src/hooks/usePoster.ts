import { useState } from 'react';
import { type Poster } from '@cakeday/shared';
import { showSuccessToast } from '../components/feedback';
import { savePoster } from '../platform/savePoster';
import { useAction, type Action } from './useAction';

export interface PosterState {
  poster: Poster | null;
  open: Action<[], void>;
  save: Action<[], void>;
  close(): void;
}

/** A share poster with a mini-program code drawn by the BFF (getwxacodeunlimit), shown and saved on request. */
export function usePoster(load: () => Promise<Poster>, name: string): PosterState {
  const [poster, setPoster] = useState<Poster | null>(null);
  const open = useAction(async () => {
    setPoster(await load());
  });
  const save = useAction(async () => {
    if (poster) showSuccessToast(await savePoster(poster.imageBase64, name));
  });
  return { poster, open, save, close: () => setPoster(null) };
}
