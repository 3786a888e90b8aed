/** The outline status is sent when it changes: the first change after a quiet interval at once, the last of a burst once it pauses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatusSender } from '../../server/src/server/status';
import type { OutlineStatus } from '../../shared/protocol';

const status = (version: number, placeholderCount: number): OutlineStatus => ({ uri: 'file:///a.md', version, isReport: true, template: null, placeholderCount, missingCount: 0, sections: [] });

test('a burst of changes sends the first status at once and the last one once the changes pause; an unchanged one is not sent', async () => {
  const sent: OutlineStatus[] = [];
  let arrived: (() => void) | null = null;
  const sender = new StatusSender((s) => {
    sent.push(s);
    arrived?.();
  }, 50);
  let made = 0;
  sender.update('file:///a.md', () => (made++, status(1, 5)));
  assert.deepEqual(sent.map((s) => s.version), [1]);
  sender.update('file:///a.md', () => (made++, status(2, 4)));
  sender.update('file:///a.md', () => (made++, status(3, 3)));
  assert.deepEqual(sent.map((s) => s.version), [1], 'within the interval nothing more is sent');
  assert.equal(made, 1, 'a status is made only when it is about to be sent');
  await new Promise<void>((resolve) => (arrived = resolve));
  assert.deepEqual(sent.map((s) => s.version), [1, 3]);
  // The same status again (the version aside) is not sent.
  sender.update('file:///a.md', () => status(4, 3));
  assert.deepEqual(sent.map((s) => s.version), [1, 3]);
});

test('a closed document gets nothing more, even a status still waiting', async () => {
  const sent: OutlineStatus[] = [];
  const sender = new StatusSender((s) => sent.push(s), 10);
  sender.update('file:///a.md', () => status(1, 5));
  sender.update('file:///a.md', () => status(2, 4));
  sender.forget('file:///a.md');
  // The trailing status of another document, due after the closed one's would have been, has come.
  await new Promise<void>((resolve) => {
    let count = 0;
    const other = new StatusSender(() => ++count === 2 && resolve(), 10);
    other.update('file:///b.md', () => ({ ...status(1, 1), uri: 'file:///b.md' }));
    other.update('file:///b.md', () => ({ ...status(2, 2), uri: 'file:///b.md' }));
  });
  assert.deepEqual(sent.map((s) => s.version), [1]);
});
