import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AvatarPicker } from '../../components/AvatarPicker';
import { CardSkeleton } from '../../components/CardSkeleton';
import { ContactButton } from '../../components/ContactButton';
import { InReviewMark } from '../../components/InReviewMark';
import { PhoneBindButton } from '../../components/PhoneBindButton';
import { PrivacyAuthorization } from '../../components/PrivacyAuthorization';
import { RemoteView } from '../../components/RemoteView';
import { formatBirthday } from '../../format/dates';
import { useBindPhone } from '../../hooks/useBindPhone';
import { useMember } from '../../hooks/useMember';
import { useUnreadMessages } from '../../hooks/useMessages';
import { useProfileEdit } from '../../hooks/useProfileEdit';
import { useSignOut } from '../../hooks/useSignOut';
import { useStaffProfile } from '../../hooks/useWriteoff';
import './index.scss';

function open(url: string): void {
  void Taro.navigateTo({ url });
}

export function MePage(): JSX.Element {
  const member = useMember();
  const bindPhone = useBindPhone(() => void member.reload());
  const signOut = useSignOut();
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const profileEdit = useProfileEdit(() => void member.reload());
  // Only staff see the write-off desk; a failed lookup simply leaves the entry out.
  const staff = useStaffProfile();
  // Like the write-off desk: a failed count simply shows the entry without one.
  const unread = useUnreadMessages();

  return (
    <View className='me'>
      <PrivacyAuthorization />
      <RemoteView remote={member} skeleton={<CardSkeleton cards={2} />}>
        {(me) => (
          <>
            <View className='me__profile'>
              <AvatarPicker
                person={{ nickname: me.nickname ?? '会员', avatarUrl: me.avatarUrl }}
                pending={profileEdit.uploadAvatar.pending}
                onImage={(imageBase64) => void profileEdit.uploadAvatar.run(imageBase64)}
              />
              <View className='me__identity'>
                <View className='me__nickname' role='link' onClick={() => open('/pages/profile/index')}>
                  <Text>{me.nickname ?? '设置头像和昵称'}</Text>
                  {me.nicknameInReview ? <InReviewMark /> : null}
                  <Text className='me__edit'> 编辑 ›</Text>
                </View>
                <Text className={`me__tier me__tier--${me.tier.level}`}>{me.tier.name}会员</Text>
              </View>
            </View>
            <CellGroup className='me__cells'>
              <Cell
                title='手机号'
                align='center'
                extra={
                  me.phoneMasked ? (
                    <Text className='me__phone'>{me.phoneMasked}</Text>
                  ) : (
                    <PhoneBindButton pending={bindPhone.pending} onCode={(code) => void bindPhone.run(code)} />
                  )
                }
              />
              <Cell title='会员等级' extra={me.tier.name} />
              <Cell title='积分' extra={`${me.points.balance} ›`} clickable onClick={() => open('/pages/points/index')} />
              <Cell
                title='生日'
                extra={`${me.birthday ? formatBirthday(me.birthday) : '未设置'} ›`}
                clickable
                onClick={() => open('/pages/birthday/index')}
              />
            </CellGroup>
            <View className='me__member-code'>
              <Button block type='primary' onClick={() => open('/pages/member-code/index')}>
                会员码 · 消费积分
              </Button>
            </View>
            <CellGroup className='me__cells'>
              <Cell title='消息中心' extra={`${unread ? `${unread} 条未读 ` : ''}›`} clickable onClick={() => open('/pages/messages/index')} />
              <Cell title='我的订单' extra='›' clickable onClick={() => open('/pages/orders/index')} />
              <Cell title='消费记录' extra='›' clickable onClick={() => open('/pages/purchases/index')} />
              <Cell
                title='我的优惠券'
                extra={`${me.coupons.available > 0 ? `${me.coupons.available} 张可用 ` : ''}›`}
                clickable
                onClick={() => open('/pages/coupons/index')}
              />
              <Cell title='生日心愿清单' extra='›' clickable onClick={() => open('/pages/wishlist/index')} />
              <Cell title='生日助力' extra='›' clickable onClick={() => open('/pages/help/index')} />
              <Cell title='邀请好友' extra='›' clickable onClick={() => open('/pages/referral/index')} />
              {staff.data?.isStaff ? (
                <Cell title='门店核销' extra={`${staff.data.store?.name ?? ''} ›`} clickable onClick={() => open('/pages/writeoff/index')} />
              ) : null}
            </CellGroup>
            <CellGroup className='me__cells' title='服务与帮助'>
              <Cell title='会员规则' extra='›' clickable onClick={() => open('/pages/rules/index')} />
              <Cell title='门店' extra='地址、电话与营业时间 ›' clickable onClick={() => open('/pages/stores/index')} />
              <Cell title='常见问题' extra='›' clickable onClick={() => open('/pages/service/faq/index')} />
              <Cell title='会员协议' extra='›' clickable onClick={() => open('/pages/service/agreement/index')} />
              <Cell title='隐私政策' extra='›' clickable onClick={() => open('/pages/service/privacy-policy/index')} />
              <Cell title='消息设置' extra='›' clickable onClick={() => open('/pages/messages/settings/index')} />
              <Cell title='隐私与数据' extra='›' clickable onClick={() => open('/pages/privacy/index')} />
            </CellGroup>
            <View className='me__contact'>
              <ContactButton />
            </View>
            <View className='me__signout'>
              <Button block fill='outline' loading={signOut.pending} onClick={() => setConfirmingSignOut(true)}>
                退出登录
              </Button>
              <Dialog
                visible={confirmingSignOut}
                title='退出登录？'
                content='退出后需要重新登录才能查看积分、优惠券和生日礼；你的数据不会被删除。'
                confirmText='退出登录'
                cancelText='取消'
                onConfirm={() => {
                  setConfirmingSignOut(false);
                  void signOut.run();
                }}
                onCancel={() => setConfirmingSignOut(false)}
              />
            </View>
          </>
        )}
      </RemoteView>
    </View>
  );
}

export default MePage;
