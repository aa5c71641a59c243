/**
 * The GitHub Actions workflows, parsed: CI runs the project's own CI script on every push and
 * pull request; Deploy ships main to Fly (API app, then the front) one deploy at a time, with the
 * token from the repository's secrets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/processes';

const WORKFLOWS = join(ROOT, '.github', 'workflows');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  steps: Step[];
  container?: { image: string };
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(name: string): Workflow {
  return parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
}

describe('every workflow', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('is valid YAML with a name, triggers and jobs of steps', () => {
    expect(files.sort()).toEqual(['ci.yml', 'deploy.yml']);
    for (const file of files) {
      const workflow = load(file);
      expect(typeof workflow.name, file).toBe('string');
      expect(Object.keys(workflow.on).length, file).toBeGreaterThan(0);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job['runs-on'], `${file} ${id}`).toBeTruthy();
        expect(job.steps.length, `${file} ${id}`).toBeGreaterThan(0);
        for (const step of job.steps) {
          // Each step does one thing, and actions are pinned to a version or branch.
          expect(Boolean(step.uses) !== Boolean(step.run), `${file} ${id}`).toBe(true);
          if (step.uses) expect(step.uses, `${file} ${id}`).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$/);
        }
      }
    }
  });

  it('never holds a secret in the file', () => {
    for (const file of files) {
      const text = readFileSync(join(WORKFLOWS, file), 'utf8');
      expect(text, file).not.toMatch(/FlyV1 |fo1_[\w-]{10,}/);
    }
  });
});

describe('ci.yml', () => {
  const ci = load('ci.yml');

  it('runs on every push and pull request', () => {
    expect(ci.on).toHaveProperty('push');
    expect(ci.on).toHaveProperty('pull_request');
  });

  it('runs .ci/run (npm ci, lint, typecheck, tests, image) on Debian 12 after a checkout', () => {
    const job = Object.values(ci.jobs)[0]!;
    expect(job.container?.image).toBe('debian:bookworm');
    const uses = job.steps.map((s) => s.uses ?? '');
    expect(uses.some((u) => u.startsWith('actions/checkout@'))).toBe(true);
    const run = job.steps.map((s) => s.run ?? '').join('\n');
    expect(run).toContain('bash .ci/run');
    // What .ci/run itself runs.
    const script = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    for (const command of ['npm ci', 'npm test', 'npm run test:image']) {
      expect(script).toContain(command);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.test).toMatch(/typecheck.*lint.*vitest run/);
  });

  it('cancels a superseded run of the same ref', () => {
    expect(ci.concurrency?.group).toContain('github.ref');
    expect(ci.concurrency?.['cancel-in-progress']).toBe(true);
  });
});

describe('deploy.yml', () => {
  const deploy = load('deploy.yml');
  const steps = (id: string) => deploy.jobs[id]?.steps ?? [];

  it('deploys main, after CI succeeded on it', () => {
    const run = deploy.on.workflow_run as {
      workflows: string[];
      branches: string[];
      types: string[];
    };
    expect(run.workflows).toEqual([load('ci.yml').name]);
    expect(run.branches).toEqual(['main']);
    expect(run.types).toEqual(['completed']);
    expect(deploy.jobs.api?.if).toContain("github.event.workflow_run.conclusion == 'success'");
  });

  it('never runs two deploys at once, and never cuts one off', () => {
    expect(deploy.concurrency?.group).toBeTruthy();
    expect(deploy.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it.each([
    ['api', 'fly.toml'],
    ['front', 'deploy/nginx/fly.toml'],
  ])('the %s job sets up flyctl and deploys %s remotely with the secret token', (id, config) => {
    const jobSteps = steps(id);
    expect(jobSteps[0]?.uses).toMatch(/^actions\/checkout@/);
    expect(jobSteps.some((s) => s.uses?.startsWith('superfly/flyctl-actions/setup-flyctl@'))).toBe(
      true,
    );
    const deployStep = jobSteps.find((s) => s.run?.includes('flyctl deploy'));
    expect(deployStep?.run).toContain('--remote-only');
    expect(deployStep?.run).toContain(`--config ${config}`);
    expect(deployStep?.env?.FLY_API_TOKEN).toBe(`\${{ secrets.FLY_API_TOKEN }}`);
  });

  it('deploys the front after the API it proxies to', () => {
    expect(deploy.jobs.front?.needs).toBe('api');
  });
});
