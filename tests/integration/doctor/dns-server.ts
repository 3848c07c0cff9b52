// A DNS server on loopback for the doctor's endpoint-name checks (RFC 1035: one question, A answers from a
// table the test edits; a name not in it is NXDOMAIN), and a resolver that asks only it.
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { resolveWith, type ResolveHost } from '../../../main/services/doctor/resolve.ts';

export interface TestDns {
  /** name -> IPv4 addresses; edit it between questions. */
  readonly names: Map<string, string[]>;
  readonly resolveHost: ResolveHost;
  close(): Promise<void>;
}

const A = 1;

export async function startTestDns(): Promise<TestDns> {
  const names = new Map<string, string[]>();
  const socket = createSocket('udp4');
  socket.on('message', (query, from) => {
    let at = 12;
    const labels: string[] = [];
    while (query[at]! > 0) {
      labels.push(query.subarray(at + 1, at + 1 + query[at]!).toString('ascii'));
      at += query[at]! + 1;
    }
    const type = query.readUInt16BE(at + 1);
    const question = query.subarray(12, at + 5);
    const known = names.get(labels.join('.').toLowerCase());
    const answers = (type === A ? known ?? [] : []).map((a) => {
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
      rr.writeUInt16BE(A, 2);
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(4, 10);
      return Buffer.concat([rr, Buffer.from(a.split('.').map(Number))]);
    });
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(known ? 0x8180 : 0x8183, 2); // response, recursion available; NXDOMAIN for an unknown name
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), from.port, from.address);
  });
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`127.0.0.1:${socket.address().port}`]);
  return {
    names,
    resolveHost: (host) => resolveWith(host, (h) => resolver.resolve4(h)),
    close: () => new Promise<void>((done) => socket.close(() => done())),
  };
}
