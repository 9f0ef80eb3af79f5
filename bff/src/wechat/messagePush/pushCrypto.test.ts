import { decryptPushMessage, pushSignature, signatureMatches } from './pushCrypto';

// WeChat's own sample (WXBizMsgCryptTest): this is what a real 安全模式 Encrypt looks like.
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const CIPHERTEXT = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';

describe('decryptPushMessage', () => {
  it('opens WeChat’s sample ciphertext into the message and the appid', () => {
    expect(decryptPushMessage(CIPHERTEXT, KEY)).toEqual({ message: '我是中文abcd123', appid: 'wxb11529c136998cb6' });
  });

  it('refuses what does not decode to the layout: another key, a flipped last block, not base64, not whole blocks', () => {
    expect(() => decryptPushMessage(CIPHERTEXT, 'b'.repeat(43))).toThrow();
    const bytes = Buffer.from(CIPHERTEXT, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptPushMessage(bytes.toString('base64'), KEY)).toThrow();
    expect(() => decryptPushMessage('not base64!', KEY)).toThrow('not base64');
    expect(() => decryptPushMessage(Buffer.alloc(48).toString('base64'), KEY)).toThrow('whole blocks');
  });
});

describe('pushSignature', () => {
  it('is sha1 of the sorted parts joined, compared in constant time', () => {
    // sha1("1409304348tokenxxxxxx")
    expect(pushSignature('token', '1409304348', 'xxxxxx')).toBe('f43b4a6571a6552356f482636e5a77e7fa33dcc9');
    expect(signatureMatches('F43B4A6571A6552356F482636E5A77E7FA33DCC9', pushSignature('xxxxxx', '1409304348', 'token'))).toBe(true);
    expect(signatureMatches(undefined, 'f43b')).toBe(false);
    expect(signatureMatches('f43c', 'f43b')).toBe(false);
  });
});
