/** When the preview renders as the user types, and why a stale rendering never wins. Fake timers, no sleeps. */
import { test, mock, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { debounceDelay, RenderScheduler, type RenderJob } from '../../client/src/preview/scheduler';
import { supersedes } from '../../shared/previewProtocol';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 }));
afterEach(() => mock.timers.reset());

const job = (version: number, key = 'file:///a.md', size = 1000): RenderJob => ({ key, version, size });

/** A scheduler whose renderings resolve when the test says, and a log of what was delivered. */
function harness(options: { sync?: boolean; maxWait?: number } = {}) {
  const started: RenderJob[] = [];
  const delivered: string[] = [];
  const resolvers = new Map<string, (value: string) => void>();
  const scheduler = new RenderScheduler<string>({
    render: (j) => {
      started.push(j);
      const result = `${j.key.slice(-4)}@${j.version}`;
      if (options.sync) return result;
      return new Promise<string>((resolve) => resolvers.set(result, resolve));
    },
    deliver: (_j, result) => delivered.push(result),
    maxWait: options.maxWait,
  });
  const finish = async (result: string) => {
    resolvers.get(result)!(result);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { scheduler, started, delivered, finish };
}

test('typing renders once, 150 ms after the last keystroke, with the latest version', () => {
  const { scheduler, started, delivered } = harness({ sync: true });
  scheduler.now(job(1));
  assert.deepEqual(delivered, ['a.md@1']);
  for (let v = 2; v <= 6; v++) {
    scheduler.changed(job(v));
    mock.timers.tick(50);
  }
  assert.equal(started.length, 1, 'nothing while typing');
  mock.timers.tick(99);
  assert.equal(started.length, 1);
  mock.timers.tick(1);
  assert.deepEqual(delivered, ['a.md@1', 'a.md@6']);
  assert.deepEqual(scheduler.current, { key: 'file:///a.md', version: 6 });
});

test('a long burst of typing still updates the preview every second', () => {
  const { scheduler, delivered } = harness({ sync: true });
  scheduler.now(job(1));
  for (let v = 2; v <= 31; v++) {
    scheduler.changed(job(v));
    mock.timers.tick(100);
  }
  // 3 s of typing at 10 keys a second: about one rendering per second, each of the newest version then.
  assert.deepEqual(delivered, ['a.md@1', 'a.md@11', 'a.md@21', 'a.md@31']);
});

test('a rendering that finishes after a newer one is dropped: a stale render never wins', async () => {
  const { scheduler, started, delivered, finish } = harness();
  scheduler.now(job(1));
  scheduler.changed(job(2));
  mock.timers.tick(150);
  assert.deepEqual(started.map((j) => j.version), [1, 2], 'both renderings under way');
  await finish('a.md@2');
  assert.deepEqual(delivered, ['a.md@2']);
  await finish('a.md@1');
  assert.deepEqual(delivered, ['a.md@2'], 'version 1 arrived late and was dropped');
  assert.deepEqual(scheduler.current, { key: 'file:///a.md', version: 2 });
});

test('a rendering of an older version still shows while a newer one is only scheduled', async () => {
  const { scheduler, delivered, finish } = harness();
  scheduler.now(job(1));
  scheduler.changed(job(2)); // debouncing: not started yet
  await finish('a.md@1');
  assert.deepEqual(delivered, ['a.md@1']);
  mock.timers.tick(150);
  await finish('a.md@2');
  assert.deepEqual(delivered, ['a.md@1', 'a.md@2']);
});

test('following another document renders it at once and drops what was pending for the first', async () => {
  const { scheduler, started, delivered, finish } = harness();
  scheduler.now(job(1));
  scheduler.changed(job(2));
  scheduler.now(job(7, 'file:///b.md'));
  mock.timers.tick(1000);
  assert.deepEqual(started.map((j) => `${j.key.slice(-4)}@${j.version}`), ['a.md@1', 'b.md@7'], 'a.md@2 was never rendered');
  await finish('a.md@1');
  await finish('b.md@7');
  assert.deepEqual(delivered, ['b.md@7']);
});

test('a settings change renders the same version again, and that rendering is shown', () => {
  const { scheduler, delivered } = harness({ sync: true });
  scheduler.now(job(3));
  scheduler.now(job(3));
  assert.deepEqual(delivered, ['a.md@3', 'a.md@3']);
});

test('of two renderings of the same version, the earlier one finishing last is dropped', async () => {
  const started: string[] = [];
  const resolvers: Array<(v: string) => void> = [];
  const delivered: string[] = [];
  const scheduler = new RenderScheduler<string>({
    render: (j) => {
      started.push(String(j.version));
      return new Promise<string>((resolve) => resolvers.push(resolve));
    },
    deliver: (_j, r) => delivered.push(r),
  });
  scheduler.now(job(3));
  scheduler.now(job(3)); // style changed while the first was rendering
  resolvers[1]!('new style');
  await Promise.resolve();
  resolvers[0]!('old style');
  await Promise.resolve();
  assert.deepEqual(delivered, ['new style']);
});

test('after clear() or dispose() nothing is rendered or delivered', async () => {
  const { scheduler, started, delivered, finish } = harness();
  scheduler.now(job(1));
  scheduler.changed(job(2));
  scheduler.clear();
  mock.timers.tick(1000);
  await finish('a.md@1');
  assert.deepEqual(started.map((j) => j.version), [1]);
  assert.deepEqual(delivered, []);
  scheduler.dispose();
  scheduler.now(job(5));
  assert.equal(started.length, 1);
});

test('a rendering that fails is reported and leaves the preview as it was', () => {
  const failures: unknown[] = [];
  const delivered: number[] = [];
  const scheduler = new RenderScheduler<number>({
    render: (j) => {
      if (j.version === 2) throw new Error('boom');
      return j.version;
    },
    deliver: (_j, r) => delivered.push(r),
    failed: (_j, e) => failures.push(e),
  });
  scheduler.now(job(1));
  scheduler.changed(job(2));
  mock.timers.tick(150);
  assert.deepEqual(delivered, [1]);
  assert.equal((failures[0] as Error).message, 'boom');
});

test('after a slow rendering, the next one waits at least as long as it took', async () => {
  const { scheduler, started, delivered, finish } = harness();
  scheduler.now(job(1));
  mock.timers.tick(800); // the rendering takes 800 ms
  await finish('a.md@1');
  scheduler.changed(job(2));
  mock.timers.tick(799);
  assert.equal(started.length, 1, 'not after 150 ms: the last rendering took 800 ms');
  mock.timers.tick(1);
  assert.equal(started.length, 2);
  await finish('a.md@2');
  assert.deepEqual(delivered, ['a.md@1', 'a.md@2']);
});

test('longer documents wait longer after the last keystroke, never more than a second', () => {
  assert.equal(debounceDelay(0), 150);
  assert.equal(debounceDelay(20_000), 150);
  assert.equal(debounceDelay(220_000), 250);
  assert.equal(debounceDelay(5_000_000), 1000);
});

test('the webview keeps what it shows unless the rendering is for another document or not older', () => {
  assert.equal(supersedes(null, { uri: 'a', version: 1 }), true);
  assert.equal(supersedes({ uri: 'a', version: 5 }, { uri: 'a', version: 4 }), false);
  assert.equal(supersedes({ uri: 'a', version: 5 }, { uri: 'a', version: 5 }), true);
  assert.equal(supersedes({ uri: 'a', version: 5 }, { uri: 'a', version: 6 }), true);
  assert.equal(supersedes({ uri: 'a', version: 5 }, { uri: 'b', version: 1 }), true);
});
