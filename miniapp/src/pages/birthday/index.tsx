import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, DatePicker, Dialog } from '@nutui/nutui-react-taro';
import { consentTexts } from '@cakeday/shared';
import { CardSkeleton } from '../../components/CardSkeleton';
import { CheckboxField } from '../../components/CheckboxField';
import { RemoteView } from '../../components/RemoteView';
import { ToggleSwitch } from '../../components/ToggleSwitch';
import { formatBirthday } from '../../format/dates';
import { useSaveBirthday, type BirthdayChoice } from '../../hooks/useBirthdaySetting';
import { useMember, type Member } from '../../hooks/useMember';
import { useSubscriptions } from '../../hooks/useSubscriptions';
import { useSettingsRules, type SettingsRules } from '../../hooks/useSettingsRules';
import { birthdayConsequences } from './birthdayConsequences';
import { birthdayFromPicker, LEAP_YEAR_FOR_MONTH_DAY, pickerDate } from './birthdayChoice';
import { LockRules } from './LockRules';
import { useMessageOpened } from '../../hooks/useMessageOpened';
import './index.scss';

const consent = consentTexts.birthday;

function leave(): void {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/home/index' }));
}

function BirthdayForm({ member, rules }: { member: Member; rules: SettingsRules['birthday'] }): JSX.Element {
  const current: BirthdayChoice | null = member.birthday
    ? { month: member.birthday.month, day: member.birthday.day, year: member.birthday.year }
    : null;
  const [choice, setChoice] = useState<BirthdayChoice | null>(current);
  const [withYear, setWithYear] = useState(Boolean(current?.year));
  const [pickerOpen, setPickerOpen] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveBirthday(leave);
  const subscriptions = useSubscriptions();
  const locked = member.birthdayLock.state === 'locked';
  const today = new Date();
  const chosen = choice ? (withYear ? choice : { ...choice, year: null }) : null;
  const consequences = chosen ? birthdayConsequences(member, chosen, rules, today) : null;

  return (
    <>
      <View className='birthday__card'>
        <Text className='birthday__card-title'>{consent.title}</Text>
        <Text className='birthday__consent-text'>{consent.text}</Text>
        <Text className='birthday__version'>说明版本：{consent.version}</Text>
        <CheckboxField className='birthday__agree' checked={agreed} disabled={locked} onChange={setAgreed}>
          <Text>我已阅读并同意以上说明</Text>
        </CheckboxField>
      </View>

      <View className='birthday__card'>
        <View className='birthday__row'>
          <Text>填写出生年份（可不填）</Text>
          <ToggleSwitch checked={withYear} label='填写出生年份' disabled={locked} onChange={(on) => setWithYear(on)} />
        </View>
        <View className='birthday__row birthday__picker-trigger' onClick={() => !locked && setPickerOpen(true)}>
          <Text>生日</Text>
          <Text className={choice ? 'birthday__chosen' : 'birthday__placeholder'}>
            {choice ? formatBirthday(withYear ? choice : { ...choice, year: null }) : '请选择 ›'}
          </Text>
        </View>
      </View>

      <LockRules lock={member.birthdayLock} rules={rules} />

      <View className='birthday__submit'>
        <Button
          block
          type='primary'
          disabled={locked || !agreed || !choice || (withYear && !choice.year)}
          loading={save.pending || subscriptions.ask.pending}
          onClick={() => setConfirming(true)}
        >
          保存生日
        </Button>
      </View>

      <Dialog
        visible={confirming && consequences !== null}
        title={consequences?.title}
        content={
          <View className='birthday__consequences'>
            {consequences?.lines.map((line) => (
              <Text key={line} className='birthday__consequence'>
                {line}
              </Text>
            ))}
          </View>
        }
        confirmText='确认保存'
        cancelText='再想想'
        onConfirm={() => {
          setConfirming(false);
          if (!chosen) return;
          // The popup must open from this tap (WeChat's rule); whatever the member answers, the birthday is saved.
          void subscriptions.ask.run(['birthdayReminder'], 'birthday_set').then(() => save.run(chosen));
        }}
        onCancel={() => setConfirming(false)}
      />

      <DatePicker
        visible={pickerOpen}
        title='选择生日'
        type={withYear ? 'date' : 'month-day'}
        showChinese
        defaultValue={pickerDate(choice, withYear)}
        startDate={withYear ? new Date(1920, 0, 1) : new Date(LEAP_YEAR_FOR_MONTH_DAY, 0, 1)}
        endDate={withYear ? today : new Date(LEAP_YEAR_FOR_MONTH_DAY, 11, 31)}
        onClose={() => setPickerOpen(false)}
        onConfirm={(_options, values) => {
          const picked = birthdayFromPicker(values, withYear);
          if (picked) setChoice(picked);
        }}
      />
    </>
  );
}

export function BirthdayPage(): JSX.Element {
  useMessageOpened();
  const member = useMember();
  const rules = useSettingsRules();
  return (
    <View className='birthday'>
      <RemoteView remote={member} skeleton={<CardSkeleton cards={3} />}>
        {(me) => (
          <RemoteView remote={rules} skeleton={<CardSkeleton cards={1} />}>
            {(settings) => <BirthdayForm member={me} rules={settings.birthday} />}
          </RemoteView>
        )}
      </RemoteView>
    </View>
  );
}

export default BirthdayPage;
