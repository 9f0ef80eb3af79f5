import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatMemberCode, MEMBER_CODE_MAX_COUPONS } from '@cakeday/shared';
import { qrSvgDataUrl } from '../../qr/qrSvg';
import { code128SvgDataUrl } from '../../qr/code128';
import { useCoupons } from '../../hooks/useCoupons';
import { useMemberCode } from '../../hooks/useMemberCode';
import './index.scss';
import { CheckboxField } from '../../components/CheckboxField';
import { imageAlt } from '../../components/imageAlt';

/** 会员码: shown to the till to earn points and use the chosen coupons in one scan. */
export function MemberCodePage(): JSX.Element {
  const [chosen, setChosen] = useState<string[]>([]);
  const code = useMemberCode(chosen);
  const coupons = useCoupons('available');
  const usable = coupons.items.filter((coupon) => coupon.canShowQr);
  const toggle = (id: string): void =>
    setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : current.length < MEMBER_CODE_MAX_COUPONS ? [...current, id] : current));
  const shown = code.token;

  return (
    <View className='member-code'>
      <View className='member-code__card'>
        {shown ? (
          <>
            <View className='member-code__member'>
              <Text className='member-code__tier'>{shown.member.tier.name}</Text>
              <Text className='member-code__points'>积分 {shown.member.pointsBalance}</Text>
            </View>
            <Image className='member-code__barcode' src={code128SvgDataUrl(shown.numericCode)} {...imageAlt(`会员条形码 ${formatMemberCode(shown.numericCode)}`)} />
            <Text className='member-code__number'>{formatMemberCode(shown.numericCode)}</Text>
            <Image className='member-code__qr' src={qrSvgDataUrl(shown.token)} {...imageAlt('会员二维码')} />
            {/* A browser has no scanner: the H5 build also shows the token, for the till simulator to paste. */}
            {process.env.TARO_ENV === 'h5' ? <Input className='member-code__token' value={shown.token} disabled nativeProps={{ 'aria-label': '会员码令牌（收银模拟器粘贴用）' }} /> : null}
            {shown.coupons.length > 0 ? <Text className='member-code__attached'>已附带 {shown.coupons.length} 张券，收银员扫码即核销</Text> : null}
          </>
        ) : code.error ? (
          <View className='member-code__placeholder'>
            <Text className='member-code__error'>{code.error.message}</Text>
            <Button size='small' type='primary' fill='outline' onClick={() => void code.refresh()}>
              重新获取
            </Button>
          </View>
        ) : (
          <View className='member-code__placeholder' aria-busy='true'>
            <Text>会员码生成中…</Text>
          </View>
        )}
        <Text className='member-code__hint'>结账时出示，消费即得积分 · 每分钟自动刷新，截图无效</Text>
      </View>
      {usable.length > 0 ? (
        <View className='member-code__coupons'>
          <Text className='member-code__coupons-title'>本次使用的优惠券（最多 {MEMBER_CODE_MAX_COUPONS} 张）</Text>
          {usable.map((coupon) => (
            <CheckboxField key={coupon.id} className='member-code__coupon' checked={chosen.includes(coupon.id)} onChange={() => toggle(coupon.id)}>
              <Text className='member-code__coupon-title'>{coupon.title}</Text>
              <Text className='member-code__coupon-value'>
                {coupon.valueText} · {coupon.conditionText}
              </Text>
            </CheckboxField>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default MemberCodePage;
