// RouterOS print queries: each `?` word pushes true/false per row; `?#` words combine the stack; a row matches
// when every value left on the stack is true.
//   ?name=value  ?=name=value  equal      ?name   present     ?-name  absent
//   ?<name=value less than     ?>name=value greater than
//   ?#ops: `!` negate top, `&` and, `|` or, `N` push copy of stack[N] (from the bottom), `.` push copy of top.
import { SimTrap } from '../trap.ts';

type Props = ReadonlyMap<string, Buffer>;
type Step = (props: Props, stack: boolean[]) => void;

const EQ = 0x3d;

function splitNameValue(word: Buffer): [string, Buffer | undefined] {
  const eq = word.indexOf(EQ);
  if (eq === -1) return [word.toString('latin1'), undefined];
  return [word.subarray(0, eq).toString('latin1'), word.subarray(eq + 1)];
}

/** Numbers compare as numbers, `*1A` ids by value, everything else byte-wise. */
function compare(a: Buffer, b: Buffer): number {
  const as = a.toString('latin1');
  const bs = b.toString('latin1');
  if (/^-?\d+$/.test(as) && /^-?\d+$/.test(bs)) return Math.sign(Number(as) - Number(bs));
  if (/^\*[0-9A-Fa-f]+$/.test(as) && /^\*[0-9A-Fa-f]+$/.test(bs)) {
    return Math.sign(parseInt(as.slice(1), 16) - parseInt(bs.slice(1), 16));
  }
  return Buffer.compare(a, b);
}

function compileOps(ops: string, depth: { n: number }): Step[] {
  const steps: Step[] = [];
  const bad = (): SimTrap => new SimTrap(`invalid query operation #${ops}`, 1);
  for (let i = 0; i < ops.length; i++) {
    const c = ops[i]!;
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < ops.length && ops[j]! >= '0' && ops[j]! <= '9') j++;
      const index = Number(ops.slice(i, j));
      if (index >= depth.n) throw bad();
      steps.push((_p, s) => void s.push(s[index]!));
      depth.n++;
      i = ops[j] === '.' ? j : j - 1;
    } else if (c === '!') {
      if (depth.n < 1) throw bad();
      steps.push((_p, s) => void s.push(!s.pop()));
    } else if (c === '&' || c === '|') {
      if (depth.n < 2) throw bad();
      depth.n--;
      steps.push(c === '&'
        ? (_p, s) => { const b = s.pop()!; const a = s.pop()!; s.push(a && b); }
        : (_p, s) => { const b = s.pop()!; const a = s.pop()!; s.push(a || b); });
    } else if (c === '.') {
      if (depth.n < 1) throw bad();
      depth.n++;
      steps.push((_p, s) => void s.push(s[s.length - 1]!));
    } else {
      throw bad();
    }
  }
  return steps;
}

function compileWord(word: Buffer, depth: { n: number }): Step[] {
  const first = word[0];
  if (first === 0x23 /* # */) return compileOps(word.subarray(1).toString('latin1'), depth);
  depth.n++;
  if (first === 0x2d /* - */) {
    const name = word.subarray(1).toString('latin1');
    return [(p, s) => void s.push(!p.has(name))];
  }
  if (first === 0x3c /* < */ || first === 0x3e /* > */) {
    const [name, value] = splitNameValue(word.subarray(1));
    const want = value ?? Buffer.alloc(0);
    const sign = first === 0x3c ? -1 : 1;
    return [(p, s) => {
      const have = p.get(name);
      s.push(have !== undefined && compare(have, want) === sign);
    }];
  }
  const [name, value] = splitNameValue(first === EQ ? word.subarray(1) : word);
  if (value === undefined) return [(p, s) => void s.push(p.has(name))];
  return [(p, s) => void s.push(p.get(name)?.equals(value) ?? false)];
}

/** Compiles the query words of one print; throws SimTrap on a malformed `?#` word. */
export function compileQuery(words: readonly Buffer[]): (props: Props) => boolean {
  if (words.length === 0) return () => true;
  const depth = { n: 0 };
  const steps = words.flatMap((w) => compileWord(w, depth));
  return (props) => {
    const stack: boolean[] = [];
    for (const step of steps) step(props, stack);
    return stack.every(Boolean);
  };
}
