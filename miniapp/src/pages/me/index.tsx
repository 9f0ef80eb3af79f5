import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { CardSkeleton } from '../../components/CardSkeleton';
import { InReviewMark } from '../../components/InReviewMark';
import { PhoneBindButton } from '../../components/PhoneBindButton';
import { PrivacyAuthorization } from '../../components/PrivacyAuthorization';
import { RemoteView } from '../../components/RemoteView';
import { formatBirthday } from '../../format/dates';
import { useBindPhone } from '../../hooks/useBindPhone';
import { useMember } from '../../hooks/useMember';
import { useUnreadMessages } from '../../hooks/useMessages';
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
              <View className='me__avatar'>
                <Text>{(me.nickname ?? '会').slice(0, 1)}</Text>
              </View>
              <View className='me__identity'>
                <Text className='me__nickname'>
                  {me.nickname ?? 'Cakeday 会员'}
                  {me.nicknameInReview ? <InReviewMark /> : null}
                </Text>
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
            <CellGroup className='me__cells'>
              <Cell title='消息设置' extra='›' clickable onClick={() => open('/pages/messages/settings/index')} />
              <Cell title='隐私与数据' extra='›' clickable onClick={() => open('/pages/privacy/index')} />
            </CellGroup>
            <View className='me__signout'>
              <Button block fill='outline' loading={signOut.pending} onClick={() => void signOut.run()}>
                退出登录
              </Button>
            </View>
          </>
        )}
      </RemoteView>
    </View>
  );
}

export default MePage;
