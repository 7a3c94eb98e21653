import { hostTargets, shuffled } from '../../../../src/engine/source/connection/host-list';

describe('host, hostaddr and port lists', () => {
  test('one port for every host, or one per host; empty entries are defaults', () => {
    expect(hostTargets({ host: 'a,b', port: '5433' })).toEqual([{ host: 'a', hostaddr: null, port: 5433 }, { host: 'b', hostaddr: null, port: 5433 }]);
    expect(hostTargets({ host: 'a,b', port: '1,' })).toEqual([{ host: 'a', hostaddr: null, port: 1 }, { host: 'b', hostaddr: null, port: 5432 }]);
    expect(hostTargets({ host: 'a,b' }).map((t) => t.port)).toEqual([5432, 5432]);
  });

  test('hostaddr gives the addresses, host the names checked by TLS', () => {
    expect(hostTargets({ host: 'db1,db2', hostaddr: '10.0.0.1,10.0.0.2' })).toEqual([
      { host: 'db1', hostaddr: '10.0.0.1', port: 5432 }, { host: 'db2', hostaddr: '10.0.0.2', port: 5432 },
    ]);
    expect(hostTargets({ hostaddr: '10.0.0.1' })).toEqual([{ host: null, hostaddr: '10.0.0.1', port: 5432 }]);
  });

  test('lists that do not match are refused, as libpq refuses them', () => {
    expect(() => hostTargets({ host: 'a,b,c', port: '1,2' })).toThrow(/2 port numbers .* 3 hosts/);
    expect(() => hostTargets({ host: 'a', hostaddr: '1.1.1.1,2.2.2.2' })).toThrow(/1 host names .* 2 addresses/);
    expect(() => hostTargets({ host: 'a', port: 'x' })).toThrow(/"x" is not a TCP port number/);
  });

  test('no host at all: a Unix socket directory', () => {
    expect(hostTargets({})[0].host).toMatch(/^\//);
  });

  test('load_balance_hosts=random shuffles every host into the order', () => {
    const seq = [0.9, 0.1, 0.5];
    let i = 0;
    const out = shuffled(['a', 'b', 'c', 'd'], () => seq[i++ % seq.length]);
    expect([...out].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(out).not.toEqual(['a', 'b', 'c', 'd']);
  });
});
