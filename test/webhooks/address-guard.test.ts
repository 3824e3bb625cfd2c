import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  ForbiddenTargetError,
  isForbiddenAddress,
} from '../../src/webhooks/address-guard.js';
import { postJson } from '../../src/webhooks/post.js';
import { Receiver } from './support.js';

describe('webhook address guard', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fc12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:7f00:1',
    '::ffff:a00:1',
    '64:ff9b::a00:1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111'])(
    'allows the public address %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it('refuses a host name when any of its addresses is forbidden, and unresolvable names', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    await expect(
      checkTarget('https://hooks.example.com/x', { allowPrivate: false, resolve }),
    ).rejects.toBeInstanceOf(ForbiddenTargetError);
    await expect(
      checkTarget('https://hooks.example.com/x', {
        allowPrivate: false,
        resolve: async () => {
          throw new Error('ENOTFOUND');
        },
      }),
    ).rejects.toThrow(/does not resolve/);
  });

  it('refuses other schemes, credentials, and literal private addresses', async () => {
    for (const url of [
      'ftp://93.184.216.34/',
      'file:///etc/passwd',
      'https://user:pw@93.184.216.34/',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://[::ffff:10.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'not a url',
    ])
      await expect(checkTarget(url, { allowPrivate: false }), url).rejects.toBeInstanceOf(
        ForbiddenTargetError,
      );
  });

  it('judges the answer of the moment: a name that now resolves privately is refused', async () => {
    let answer = '93.184.216.34';
    const resolve = async () => [{ address: answer, family: 4 }];
    const first = await checkTarget('https://hooks.example.com/', { allowPrivate: false, resolve });
    expect(first.address).toBe('93.184.216.34');
    answer = '169.254.169.254';
    await expect(
      checkTarget('https://hooks.example.com/', { allowPrivate: false, resolve }),
    ).rejects.toBeInstanceOf(ForbiddenTargetError);
  });

  it('connects to the checked address, never resolving the host name again', async () => {
    const receiver = await new Receiver().start();
    try {
      receiver.secret = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
      // The name does not exist: the request can only arrive through the pinned address.
      const url = new URL(`http://no-such-host.invalid:${receiver.port}/hooks`);
      const result = await postJson({ url, address: '127.0.0.1', family: 4 }, {}, '{}', 3000);
      expect(result.status).toBe(401); // unsigned: the receiver refuses it, but it did arrive
      expect(receiver.hits).toBe(1);
    } finally {
      await receiver.stop();
    }
  });
});
