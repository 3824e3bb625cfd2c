import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/index.js';
import { EnvSchema } from '../../src/config/schema.js';
import { PROJECT_DIR } from './helpers.js';

// The manifests cannot run here; this keeps them honest: they parse, every variable they set
// exists in the config schema, and the values they set pass loadConfig in production mode.

const KNOWN = new Set(Object.keys(EnvSchema.properties));
const read = (file: string) => readFileSync(path.join(PROJECT_DIR, file), 'utf8');
// Stand-ins for what operators supply as secrets.
const SECRETS: Record<string, string> = {
  KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  TOKEN_SECRET: 'Q7vd0c6kXg2m9PpL4sZr8TnWbYh3JfEu5Ka1',
  DATABASE_URL: 'postgres://gatehouse:pw@db:5432/gatehouse',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail.example.com:587',
};

function unknownNames(names: Iterable<string>): string[] {
  return [...names].filter((name) => !KNOWN.has(name));
}

/** Compose's ${VAR:-default} / ${VAR:?message} / ${VAR}: the default, else a stand-in secret. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_m, name: string, kind, rest) =>
    kind === '-' ? rest : (SECRETS[name] ?? 'x'.repeat(40)),
  );
}

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const stages = text.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it('is multi-stage on node:24-bookworm-slim, runs as non-root and checks /health/ready', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^node:24-bookworm-slim\b/);
    expect(text).toMatch(/npm ci\b/);
    expect(text).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/^USER (node|\d{4,})$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\\\n.*\/health\/ready/m);
    expect(runtime).not.toMatch(/^USER root$/m);
  });

  it('sets only environment variables the config schema knows, with valid values', () => {
    const env: Record<string, string> = {};
    for (const [, body] of runtime.matchAll(/^ENV ((?:.*\\\n)*.*)$/gm)) {
      for (const [, name, value] of body!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
    }
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT', 'DATA_DIR']));
    expect(unknownNames(Object.keys(env))).toEqual([]);
    expect(() => loadConfig({ ...env, ...SECRETS })).not.toThrow();
  });

  it('has a .dockerignore that keeps secrets, dependencies and build output out of the context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'dist', '.git', 'data'])
      expect(ignored).toContain(entry);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true });
  const services: Record<string, any> = compose.services;
  const gatehouse = Object.entries(services).filter(([, s]) =>
    String(s.image).startsWith('gatehouse'),
  );

  it('runs PostgreSQL, Redis, a mail catcher and two instances behind a reverse proxy', () => {
    const images = Object.values(services).map((s) => String(s.image));
    expect(images.some((i) => i.startsWith('postgres:'))).toBe(true);
    expect(images.some((i) => i.startsWith('redis:'))).toBe(true);
    expect(images.some((i) => i.startsWith('axllent/mailpit'))).toBe(true);
    const instances = gatehouse.filter(([, s]) => !s.command);
    expect(instances.length).toBe(2);
    const proxy = services.proxy;
    const mount = proxy.volumes.find((v: string) => v.startsWith('./deploy/'));
    const configFile = mount.split(':')[0];
    expect(existsSync(path.join(PROJECT_DIR, configFile))).toBe(true);
    for (const [name] of instances) expect(read(configFile)).toContain(`${name}:3000`);
    expect(services.migrate.command).toEqual(['gatehouse', 'migrate', 'up']);
    for (const [, s] of instances)
      expect(s.depends_on.migrate.condition).toBe('service_completed_successfully');
  });

  it('sets only known variables on Gatehouse services, and values that pass production config', () => {
    expect(gatehouse.length).toBe(3);
    for (const [name, service] of gatehouse) {
      const env: Record<string, string> = Object.fromEntries(
        Object.entries(service.environment).map(([k, v]) => [k, interpolate(String(v))]),
      );
      expect(unknownNames(Object.keys(env)), name).toEqual([]);
      const config = loadConfig(env);
      expect(config.NODE_ENV).toBe('production');
      expect(config.MIGRATE_ON_START).toBe(false);
      expect(config.SMTP_URL).toMatch(/^smtp:\/\/mailpit:/);
      expect(config.REDIS_URL).toBe('redis://redis:6379');
    }
  });
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  const dir = path.join(PROJECT_DIR, 'deploy/k8s');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const docs = files.flatMap((file) =>
    parseAllDocuments(read(`deploy/k8s/${file}`)).map((doc) => {
      expect(doc.errors, file).toEqual([]);
      return { file, manifest: doc.toJS() as any };
    }),
  );
  const byKind = (kind: string) =>
    docs.filter((d) => d.manifest?.kind === kind).map((d) => d.manifest);
  const [deployment] = byKind('Deployment');
  const [job] = byKind('Job');
  const configMaps = new Map(byKind('ConfigMap').map((c) => [c.metadata.name, c.data]));

  it('parse and include every resource the kustomization lists', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    const [kustomization] = byKind('Kustomization');
    for (const resource of kustomization.resources) expect(files, resource).toContain(resource);
    for (const kind of [
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'Job',
      'ConfigMap',
    ])
      expect(byKind(kind).length, kind).toBe(1);
  });

  /** Every variable a container receives: its env entries and the ConfigMaps it imports. */
  function containerEnv(container: any): {
    names: string[];
    plain: Record<string, string>;
    secrets: string[];
  } {
    const plain: Record<string, string> = {};
    const secrets: string[] = [];
    for (const from of container.envFrom ?? []) {
      expect(
        from.secretRef,
        'whole Secrets are not imported: their keys are not checkable',
      ).toBeUndefined();
      Object.assign(plain, configMaps.get(from.configMapRef.name));
    }
    for (const entry of container.env ?? []) {
      if (entry.valueFrom?.secretKeyRef) secrets.push(entry.name);
      else plain[entry.name] = String(entry.value);
    }
    return { names: [...Object.keys(plain), ...secrets], plain, secrets };
  }

  it('set only known variables, and values that pass production config', () => {
    for (const workload of [deployment, job]) {
      for (const container of workload.spec.template.spec.containers) {
        const { names, plain, secrets } = containerEnv(container);
        expect(unknownNames(names), container.name).toEqual([]);
        const secretValues = Object.fromEntries(
          secrets.filter((s) => SECRETS[s]).map((s) => [s, SECRETS[s]!]),
        );
        const config = loadConfig({ ...plain, ...secretValues });
        expect(config.NODE_ENV).toBe('production');
        expect(config.MIGRATE_ON_START).toBe(false);
      }
    }
  });

  it('take secrets from Secret references, probe health, and migrate in a Job', () => {
    const [container] = deployment.spec.template.spec.containers;
    expect(containerEnv(container).secrets).toEqual(
      expect.arrayContaining(['KEY_ENCRYPTION_KEY', 'TOKEN_SECRET', 'DATABASE_URL', 'REDIS_URL']),
    );
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    const [migrate] = job.spec.template.spec.containers;
    expect(migrate.command).toEqual(['gatehouse', 'migrate', 'up']);
    expect(containerEnv(migrate).secrets).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'KEY_ENCRYPTION_KEY']),
    );
    const [pdb] = byKind('PodDisruptionBudget');
    const [hpa] = byKind('HorizontalPodAutoscaler');
    const labels = deployment.spec.template.metadata.labels;
    expect(pdb.spec.selector.matchLabels).toEqual(labels);
    expect(byKind('Service')[0].spec.selector).toEqual(labels);
    expect(hpa.spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    // The pod must be able to finish its graceful shutdown before it is killed.
    const shutdown = Number(configMaps.get('gatehouse-config').SHUTDOWN_TIMEOUT_SECONDS);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      shutdown + 5,
    );
  });
});
