// The web board end to end (issue 5): a real `cvtrack serve` on a free
// loopback port, driven in Debian's headless Chromium through playwright-core.
//
//   node tests/e2e/board.test.mjs --cvtrack build/dev/cli/cvtrack --build-dir build/dev
//
// A unit signs in with its token, acknowledges and completes one of its
// tasks by clicking; a supervisor's page, open meanwhile, shows the change
// without reloading (the event stream). The supervisor's board is saved as
// <build dir>/e2e-artifacts/supervisor-board.png for people to look at.
// Exits 0 when everything held, 1 with the reason otherwise — also when
// Chromium or playwright-core is missing (a test that skips proves nothing).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CHROMIUM = process.env.CVTRACK_CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 15000;

function fail(message) {
  console.error(`e2e_board: FAILED: ${message}`);
  process.exit(1);
}

function option(name) {
  const at = process.argv.indexOf(name);
  return at > 0 && at + 1 < process.argv.length ? resolve(process.argv[at + 1]) : null;
}

const cvtrack = option('--cvtrack') || fail('usage: node board.test.mjs --cvtrack PATH --build-dir DIR');
const buildDir = option('--build-dir') || fail('usage: node board.test.mjs --cvtrack PATH --build-dir DIR');
if (!existsSync(cvtrack)) fail(`${cvtrack}: no such program (build the cvtrack target first)`);
if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium, or run bash .ci/setup)`);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  fail(`playwright-core is not installed in ${here}: run "npm ci" there (bash .ci/setup does it)`);
}

const log = (message) => console.log(`e2e_board: ${message}`);
function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- the server and its data --------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'cvtrack-e2e-'));
const db = join(work, 'cvtrack.db');

// A command line step; its chatter on stderr is shown only when it fails.
function run(...args) {
  try {
    return execFileSync(cvtrack, [...args, '--db', db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`cvtrack ${args.join(' ')} failed (${error.status}): ${error.stderr}`);
  }
}

function createToken(body, role) {
  const token = run('token', 'create', '--body', body, '--role', role, '--label', `e2e ${role} ${body}`).trim();
  check(/^\S+$/.test(token), `token create printed ${JSON.stringify(token)}, not one token`);
  return token;
}

function startServer() {
  const server = spawn(cvtrack, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  server.exited = new Promise((done) => server.on('exit', (code, signal) => done({ code, signal })));
  const address = new Promise((found, refused) => {
    let stdout = '';
    const timer = setTimeout(() => refused(new Error(`serve printed no address in 20 s; stderr: ${stderr}`)), 20000);
    server.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        found(match[1]);
      }
    });
    server.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      refused(new Error(`serve exited (${code ?? signal}) before listening; stderr: ${stderr}`));
    });
  });
  server.stderrText = () => stderr;
  return { server, address };
}

// A short document of the same district whose deadlines are dated from
// today (the server's clock is the real one), so the board shows every
// colour: one past (quá hạn), one in a day (sắp đến hạn), two well ahead.
function datedDocument() {
  const today = new Date(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
  const day = (offset) => {
    const d = new Date(today.getTime() + offset * 86400000);
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
  };
  const [dd, mm, yyyy] = day(-20).split('/');
  return `UBND HUYỆN SÔNG HINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1234/UBND-VP
Sông Hinh, ngày ${dd} tháng ${mm} năm ${yyyy}

V/v triển khai công tác phòng, chống thiên tai mùa mưa bão

Kính gửi: UBND các xã, thị trấn.

UBND huyện yêu cầu:

1. UBND xã Ea Ly rà soát các hộ dân sống ven sông, hoàn thành trước ngày ${day(-10)}.

2. UBND xã Sông Hinh kiểm tra hệ thống đê bao, hoàn thành trước ngày ${day(1)}.

3. UBND thị trấn Hai Riêng xây dựng phương án sơ tán dân, hoàn thành trước ngày ${day(45)}.

4. UBND các xã, thị trấn báo cáo kết quả về UBND huyện trước ngày ${day(30)}.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
`;
}

async function api(base, token, method, path, body) {
  const response = await fetch(base + path, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  return { status: response.status, data };
}

// ---- the browser --------------------------------------------------------
async function openBrowser() {
  const profile = join(work, 'chromium-profile');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Every script error on a page fails the test; so does a console error,
// except the network errors Chromium logs for refusals the test provokes.
function watchPage(page, name, problems) {
  page.on('pageerror', (error) => problems.push(`${name}: script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 401/.test(message.text())) return;
    problems.push(`${name}: console error: ${message.text()}`);
  });
}

async function signIn(page, base, token) {
  await page.goto(base + '/');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('live-status').and(page.locator('[data-state="open"]'))
    .waitFor({ timeout: STEP_TIMEOUT_MS });
}

// ---- the scenario -------------------------------------------------------
async function scenario(base, tokens, artifacts) {
  const problems = [];

  // The secretariat registers the document over HTTP.
  const text = readFileSync(join(repo, 'tests/fixtures/song-hinh-281-CV-HU.txt'), 'utf8');
  const registered = await api(base, tokens.secretariat, 'POST', '/api/documents',
    { text, source: 'song-hinh-281-CV-HU.txt' });
  check(registered.status === 201, `POST /api/documents answered ${registered.status}: ${JSON.stringify(registered.data)}`);
  log(`registered ${registered.data.document} with ${registered.data.tasks.length} tasks`);
  const dated = await api(base, tokens.secretariat, 'POST', '/api/documents',
    { text: datedDocument(), source: 'phong-chong-thien-tai.txt' });
  check(dated.status === 201, `POST /api/documents (dated) answered ${dated.status}: ${JSON.stringify(dated.data)}`);
  log(`registered ${dated.data.document} with ${dated.data.tasks.length} tasks, deadlines from today`);

  // The unit's task the test acts on: one still assigned to it.
  const mine = await api(base, tokens.unit, 'GET', `/api/tasks?body=${tokens.unitBody}`);
  check(mine.status === 200, `GET /api/tasks as the unit answered ${mine.status}`);
  const task = mine.data.tasks.find((t) => t.state === 'assigned' && t.document === registered.data.document);
  check(task, `${tokens.unitBody} holds no assigned task in ${registered.data.document}`);
  log(`acting on ${task.id} (${task.spec.body}, directive ${task.directive})`);

  const browser = await openBrowser();
  try {
    // The supervisor's board, open before the unit acts.
    const supervisor = await browser.newPage();
    watchPage(supervisor, 'supervisor page', problems);
    await signIn(supervisor, base, tokens.supervisor);
    // The list shows the most urgent first, a page at a time: find the task
    // as a person would, by typing its id.
    await supervisor.getByTestId('task-search').fill(task.id);
    const row = supervisor.getByTestId(`task-row-${task.id}`);
    await row.and(supervisor.locator('[data-state="assigned"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
    await supervisor.getByTestId('matrix-table').waitFor({ timeout: STEP_TIMEOUT_MS });
    await supervisor.getByTestId('stats-table').waitFor({ timeout: STEP_TIMEOUT_MS });
    check(await supervisor.getByTestId('who-role').textContent() === 'Theo dõi, giám sát',
      'the supervisor page does not say the role');
    await supervisor.evaluate(() => { window.cvtrackNotReloaded = true; });

    // The unit: a wrong token first (the server's refusal is shown), then its own.
    const unit = await browser.newPage();
    watchPage(unit, 'unit page', problems);
    await unit.goto(base + '/');
    await unit.getByTestId('token-input').fill('not-a-token');
    await unit.getByTestId('login-submit').click();
    const banner = unit.getByTestId('error-banner');
    await banner.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    const refusal = await unit.getByTestId('error-text').textContent();
    check(/\(401\)$/.test(refusal) && refusal.length > 8, `a bad token shows "${refusal}", not the server's 401 message`);
    log(`a bad token is refused on the page: "${refusal}"`);
    await signIn(unit, base, tokens.unit);
    check(await banner.isHidden(), 'the error stays on screen after signing in');
    const card = unit.getByTestId(`task-card-${task.id}`);
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    await unit.screenshot({ path: join(artifacts, 'unit-board.png'), fullPage: false });

    // Another unit's board lists its own tasks, never this one.
    const other = await browser.newPage();
    watchPage(other, 'other unit page', problems);
    await signIn(other, base, tokens.otherUnit);
    await other.getByTestId('my-tasks').locator('[data-testid^="task-card-"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    check(await other.getByTestId(`task-card-${task.id}`).count() === 0, `${task.id} shows on another unit's board`);
    await other.close();

    await unit.getByTestId(`ack-${task.id}`).click();
    await card.and(unit.locator('[data-state="acknowledged"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.and(supervisor.locator('[data-state="acknowledged"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
    log(`${task.id} acknowledged by clicking; the supervisor's board followed`);

    await unit.getByTestId(`complete-${task.id}`).click();
    await unit.getByTestId('dialog-note').fill('Đã triển khai đến toàn thể cán bộ, công chức (kiểm thử e2e).');
    await unit.getByTestId('dialog-submit').click();
    await card.and(unit.locator('[data-state="submitted"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
    check(await unit.getByTestId(`complete-${task.id}`).count() === 0, 'Hoàn thành is still offered after completing');

    // Live: the supervisor's row changes without a reload.
    await row.and(supervisor.locator('[data-state="submitted"]')).waitFor({ timeout: STEP_TIMEOUT_MS });
    const state = await supervisor.getByTestId(`task-state-${task.id}`).textContent();
    check(state.startsWith('Chờ xác nhận'), `the supervisor sees "${state}" for ${task.id}`);
    check(await supervisor.evaluate(() => window.cvtrackNotReloaded === true), 'the supervisor page was reloaded');
    log(`${task.id} completed by clicking; the supervisor sees "${state}" live`);

    const file = join(artifacts, 'supervisor-board.png');
    await supervisor.screenshot({ path: file, fullPage: true });
    await supervisor.setViewportSize({ width: 390, height: 844 });
    await supervisor.screenshot({ path: join(artifacts, 'supervisor-board-phone.png'), fullPage: false });
    log(`screenshot: ${file}`);
  } finally {
    await browser.close();
  }
  check(problems.length === 0, problems.join('\n'));
}

async function main() {
  const artifacts = join(buildDir, 'e2e-artifacts');
  mkdirSync(artifacts, { recursive: true });
  run('init', '--directory', join(repo, 'workflows/data/directories/song-hinh-2021.json'));
  const tokens = {
    secretariat: createToken('secretariat', 'secretariat'),
    supervisor: createToken('huyen', 'supervisor'),
    unitBody: 'ubnd-xa-ea-ly',
    unit: createToken('ubnd-xa-ea-ly', 'unit'),
    otherUnit: createToken('dang-uy-xa-song-hinh', 'unit'),
  };
  const { server, address } = startServer();
  let stopped = false;
  try {
    const base = await address;
    log(`server at ${base}`);
    await scenario(base, tokens, artifacts);
    server.kill('SIGTERM');
    stopped = true;
    const exit = await Promise.race([server.exited,
      new Promise((done) => setTimeout(() => done({ code: 'none within 15 s' }), 15000))]);
    check(exit.code === 0, `serve exited with ${exit.code ?? exit.signal} on SIGTERM; stderr: ${server.stderrText()}`);
    log('serve stopped on SIGTERM with status 0');
  } finally {
    if (!stopped || server.exitCode === null) server.kill('SIGKILL');
  }
}

try {
  await main();
  rmSync(work, { recursive: true, force: true });
  log('passed');
} catch (error) {
  console.error(`e2e_board: FAILED: ${error.message}`);
  console.error(`e2e_board: the database and browser profile are kept in ${work}`);
  process.exit(1);
}
