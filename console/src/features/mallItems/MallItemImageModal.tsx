import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { isCatalogImagePath, MALL_ITEM_IMAGE_MAX_BYTES, MALL_ITEM_IMAGE_TYPES, type OpsMallItem } from '@cakeday/shared';
import { App, Button, Image, Modal, Popconfirm, Space, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useOpsMutation } from '../../api/useOps';
import { WriteError } from '../../components/WriteError';
import { fileAsBase64 } from './fileAsBase64';

const ACCEPTED: readonly string[] = MALL_ITEM_IMAGE_TYPES;

/**
 * 商品图片: the item's photo as members see it, replaced by an upload or removed, each on the version loaded (the
 * BFF checks the file again by its bytes). The item's newest version is kept here, so a second change follows the first.
 */
export function MallItemImageModal({ item: loaded, onClose, onChanged }: { item: OpsMallItem; onClose: () => void; onChanged: () => void }) {
  const [item, setItem] = useState(loaded);
  const { message } = App.useApp();
  const changed = (next: OpsMallItem, text: string): void => {
    setItem(next);
    void message.success(text);
    onChanged();
  };
  const upload = useOpsMutation('ops.mallItems.uploadImage', { onSuccess: (next) => changed(next, '商品图片已更新') });
  const remove = useOpsMutation('ops.mallItems.removeImage', { onSuccess: (next) => changed(next, '商品图片已移除') });
  const pending = upload.isPending || remove.isPending;
  const uploaded = item.images.find(isCatalogImagePath) ?? null;

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    // A first check for a quick answer; the BFF decides by the file's bytes.
    if (!ACCEPTED.includes(file.type)) {
      void message.error('商品图片只支持 JPG、PNG 或 WebP 格式，请换一张图片');
      return Upload.LIST_IGNORE;
    }
    if (file.size > MALL_ITEM_IMAGE_MAX_BYTES) {
      void message.error('商品图片太大，请上传 1MB 以内的图片');
      return Upload.LIST_IGNORE;
    }
    return true;
  };
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    void fileAsBase64(file as Blob).then((imageBase64) =>
      upload.mutate({ id: item.id, version: item.version, imageBase64 }, { onSuccess: (next) => onSuccess?.(next), onError: (error) => onError?.(error) }),
    );
  };

  return (
    <Modal open title={`商品图片：${item.title}`} footer={null} onCancel={onClose} maskClosable={false}>
      <WriteError
        error={upload.error ?? remove.error}
        onReload={() => {
          onChanged();
          onClose();
        }}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {item.imageUrl ? (
          <Image src={item.imageUrl} alt={item.title} width={240} height={180} style={{ objectFit: 'cover', borderRadius: 8 }} />
        ) : (
          <Typography.Text type="secondary">暂无图片：小程序显示商品类型图标</Typography.Text>
        )}
        <Typography.Text type="secondary">JPG、PNG 或 WebP，1MB 以内，建议 4:3（如 1200×900）。上传后作为商品封面，替换之前上传的图片。</Typography.Text>
        <Space>
          <Upload accept={ACCEPTED.join(',')} showUploadList={false} maxCount={1} beforeUpload={beforeUpload} customRequest={customRequest} disabled={pending}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {uploaded ? '更换图片' : '上传图片'}
            </Button>
          </Upload>
          {uploaded ? (
            <Popconfirm title="移除这张图片？" description="小程序将改为显示商品类型图标" okText="移除" cancelText="取消" onConfirm={() => remove.mutate({ id: item.id, version: item.version })}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} disabled={pending}>
                移除图片
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Space>
    </Modal>
  );
}
