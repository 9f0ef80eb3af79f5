import Taro, { getCurrentInstance } from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { POST_PHOTOS_MAX, POST_TEXT_MAX_LENGTH, type CommunityTopic } from '@cakeday/shared';
import { bffUrl, call } from '../../../api/client';
import { CardSkeleton } from '../../../components/CardSkeleton';
import { FilterChips, type FilterChip } from '../../../components/FilterChips';
import { showSuccessToast } from '../../../components/feedback';
import { PhoneBindButton } from '../../../components/PhoneBindButton';
import { RemoteView } from '../../../components/RemoteView';
import { useBindPhone } from '../../../hooks/useBindPhone';
import { useCommunityTopics } from '../../../hooks/useCommunity';
import { useComposer } from '../../../hooks/useComposer';
import { useMember } from '../../../hooks/useMember';
import './index.scss';
import { imageAlt } from '../../../components/imageAlt';

const NO_TOPIC = 'none';

function Composer({ topics }: { topics: CommunityTopic[] }): JSX.Element {
  const preset = getCurrentInstance().router?.params.topic ?? null;
  const composer = useComposer(preset, async (input) => {
    const { post } = await call('community.create', input);
    showSuccessToast(post.status === 'published' ? '发布成功' : '已提交，审核通过后展示');
    void Taro.navigateBack();
    return post;
  });
  const chips: FilterChip<string>[] = [{ key: NO_TOPIC, label: '不选话题' }, ...topics.map((topic) => ({ key: topic.code, label: `#${topic.name}#` }))];

  return (
    <View className='compose'>
      <View className='compose__card'>
        <Textarea
          className='compose__text'
          value={composer.text}
          maxlength={POST_TEXT_MAX_LENGTH}
          placeholder='分享你的生日故事、新品试吃…'
          onInput={(event) => composer.setText(event.detail.value)}
        />
        <Text className='compose__count'>{`${composer.text.trim().length}/${POST_TEXT_MAX_LENGTH}`}</Text>
        <View className='compose__photos'>
          {composer.photos.map((photo, index) => (
            <View key={photo.localPath} className={`compose__photo compose__photo--${photo.state}`}>
              <Image
                className='compose__photo-image'
                src={photo.photo ? bffUrl(photo.photo.thumbUrl) : photo.localPath}
                mode='aspectFill'
                {...imageAlt(`待发布的第 ${index + 1} 张图片`)}
              />
              <Text className='compose__photo-state'>{photo.state === 'uploading' ? '上传中' : photo.state === 'failed' ? '上传失败' : ''}</Text>
              <Text className='compose__photo-remove' aria-label='移除图片' onClick={() => composer.removePhoto(photo.localPath)}>
                ✕
              </Text>
            </View>
          ))}
          {composer.photos.length < POST_PHOTOS_MAX ? (
            <Text className='compose__add' aria-label='添加图片' onClick={() => void composer.addPhotos.run()}>
              ＋
            </Text>
          ) : null}
        </View>
        <Text className='compose__hint'>图片会经过安全检测，通过后其他人才能看到；照片中的位置信息会被去除</Text>
      </View>
      {chips.length > 1 ? <FilterChips chips={chips} selected={composer.topicCode ?? NO_TOPIC} onSelect={(key) => composer.setTopicCode(key === NO_TOPIC ? null : key)} /> : null}
      <View className='compose__submit'>
        {composer.blocker ? <Text className='compose__blocker'>{composer.blocker}</Text> : null}
        <Button block type='primary' disabled={composer.blocker !== null} loading={composer.submit.pending} onClick={() => void composer.submit.run()}>
          发布
        </Button>
      </View>
    </View>
  );
}

/** 发帖: a member with a bound phone writes (后台实名); others are asked to bind it first. */
export function ComposePage(): JSX.Element {
  const member = useMember();
  // Loaded here, not in the composer: a component mounted after the page showed would miss useDidShow's first load.
  const topics = useCommunityTopics();
  const bindPhone = useBindPhone(() => void member.reload());
  return (
    <RemoteView remote={member} skeleton={<CardSkeleton cards={1} />}>
      {(me) =>
        me.phoneMasked ? (
          <Composer topics={topics.data?.topics ?? []} />
        ) : (
          <View className='compose__card compose__phone'>
            <Text className='compose__phone-title'>绑定手机号后即可发帖和评论</Text>
            <Text className='compose__hint'>根据网络信息内容管理规定，发布内容需要完成手机号验证</Text>
            <PhoneBindButton pending={bindPhone.pending} onCode={(code) => void bindPhone.run(code)} />
          </View>
        )
      }
    </RemoteView>
  );
}

export default ComposePage;
