#!/usr/bin/env node
// `npm start`: install if needed, build the web interface if needed, then
// migrate, load the demonstration data and serve on localhost.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('首次运行：安装依赖 (npm ci) …');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
/** Newest modification time under a folder (dist and node_modules left out). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry !== 'dist' && entry !== 'node_modules') latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const built = 'web/dist/index.html';
if (existsSync('web/index.html') && (!existsSync(built) || statSync(built).mtimeMs < newest('web'))) {
  console.log('构建网页界面 (npm run build:web) …');
  run('npm', ['run', 'build:web']);
}
run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo', ...process.argv.slice(2)]);
