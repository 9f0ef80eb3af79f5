import { POST_PHOTOS_MAX, POST_TEXT_MAX_LENGTH, COMMUNITY_PHOTO_FIELD, COMMUNITY_PHOTO_UPLOAD_PATH, type CommunityPhoto, type CommunityPost } from '@cakeday/shared';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { upload } from '../api/client';
import { showErrorToast } from '../components/feedback';
import { newIdempotencyKey } from './idempotencyKey';
import { useAction, type Action } from './useAction';

export interface DraftPhoto {
  localPath: string;
  state: 'uploading' | 'uploaded' | 'failed';
  photo: CommunityPhoto | null;
}

export interface ComposerState {
  text: string;
  setText(text: string): void;
  topicCode: string | null;
  setTopicCode(code: string | null): void;
  photos: DraftPhoto[];
  addPhotos: Action<[], void>;
  removePhoto(localPath: string): void;
  /** Why 发布 is not possible yet, or null. */
  blocker: string | null;
  submit: Action<[], CommunityPost>;
}

/**
 * The composer: text (≤ 1000), up to 9 photos uploaded as they are picked (the BFF checks and re-encodes them),
 * an optional topic. One submit key for the whole draft, so a retried 发布 never posts twice.
 */
export function useComposer(presetTopic: string | null, post: (input: { text: string; photoIds: string[]; topicCode: string | null; idempotencyKey: string }) => Promise<CommunityPost>): ComposerState {
  const [text, setText] = useState('');
  const [topicCode, setTopicCode] = useState<string | null>(presetTopic);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const submitKey = useRef(newIdempotencyKey());
  const update = (localPath: string, change: Partial<DraftPhoto>): void =>
    setPhotos((current) => current.map((photo) => (photo.localPath === localPath ? { ...photo, ...change } : photo)));

  const addPhotos = useAction(async () => {
    const room = POST_PHOTOS_MAX - photos.length;
    if (room <= 0) return;
    const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    const paths = chosen.tempFilePaths.slice(0, room);
    setPhotos((current) => [...current, ...paths.map((localPath) => ({ localPath, state: 'uploading' as const, photo: null }))]);
    for (const localPath of paths) {
      try {
        const photo = (await upload(COMMUNITY_PHOTO_UPLOAD_PATH, localPath, COMMUNITY_PHOTO_FIELD)) as CommunityPhoto;
        update(localPath, { state: 'uploaded', photo });
      } catch (error) {
        update(localPath, { state: 'failed' });
        showErrorToast(error);
      }
    }
  });

  const trimmed = text.trim();
  const uploaded = photos.filter((photo) => photo.state === 'uploaded' && photo.photo);
  const blocker =
    trimmed.length > POST_TEXT_MAX_LENGTH
      ? `最多 ${POST_TEXT_MAX_LENGTH} 字`
      : photos.some((photo) => photo.state === 'uploading')
        ? '图片上传中'
        : trimmed === '' && uploaded.length === 0
          ? '写点什么或添加图片'
          : null;

  const submit = useAction(async () =>
    post({ text: trimmed, photoIds: uploaded.map((photo) => photo.photo!.id), topicCode, idempotencyKey: submitKey.current }),
  );

  return {
    text,
    setText,
    topicCode,
    setTopicCode,
    photos,
    addPhotos,
    removePhoto: (localPath) => setPhotos((current) => current.filter((photo) => photo.localPath !== localPath)),
    blocker,
    submit,
  };
}
