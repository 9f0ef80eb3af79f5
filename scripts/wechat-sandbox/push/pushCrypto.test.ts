import { decryptPushMessage, encryptPushMessage, pushSignature } from './pushCrypto';

// The vector of WeChat's own sample code (WXBizMsgCryptTest): key, appid, 16 "random" bytes and message.
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APPID = 'wxb11529c136998cb6';
const CIPHERTEXT = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';

describe('message push crypto', () => {
  it('encrypts WeChat sample vector byte for byte, and reads it back', () => {
    expect(encryptPushMessage('我是中文abcd123', KEY, APPID, Buffer.from('aaaabbbbccccdddd'))).toBe(CIPHERTEXT);
    expect(decryptPushMessage(CIPHERTEXT, KEY)).toEqual({ message: '我是中文abcd123', appid: APPID });
  });

  it('pads to 32-byte blocks: a message that fills a block exactly gets a whole block of padding', () => {
    // 16 random + 4 length + 26 message + 18 appid = 64 bytes: 32 more bytes of padding.
    const encrypted = Buffer.from(encryptPushMessage('x'.repeat(26), KEY, APPID), 'base64');
    expect(encrypted.length).toBe(96);
    expect(decryptPushMessage(encrypted.toString('base64'), KEY).message).toBe('x'.repeat(26));
  });

  it('signs the sorted parts, whatever order they are given in', () => {
    expect(pushSignature('token', '1409304348', 'xxxxxx')).toBe(pushSignature('xxxxxx', 'token', '1409304348'));
    // sha1("1409304348tokenxxxxxx")
    expect(pushSignature('token', '1409304348', 'xxxxxx')).toBe('f43b4a6571a6552356f482636e5a77e7fa33dcc9');
  });
});
