/**
 * Batch re-scoring is kill-safe: each entity in its own transaction, a run
 * killed half-way resumes from where it stopped, a second run of the same
 * day changes nothing, and no entity ends with a duplicate history row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Kysely } from 'kysely';

import type { Database } from '../../../src/db/schema.ts';
import { creditServices, rescoreAll } from '../../../src/credit/services/index.ts';
import { CreditRegistry } from '../../../src/credit/services/registry.ts';
import { CreditScoring } from '../../../src/credit/services/scoring.ts';
import { describeEachDatabase } from '../../helpers/db.ts';
import { syntheticUscc } from '../examples.ts';

const N = 20;

describeEachDatabase('credit batch re-scoring', (database) => {
  test('killed at the 8th entity, re-run completes; each entity has exactly its three results', async () => {
    const ctx = await database.open();
    try {
      const services = creditServices(ctx);
      const entities = ['uscc,name,established'];
      const records = ['uscc,indicator,decided,source_department,document_number'];
      for (let i = 0; i < N; i += 1) {
        entities.push(`${syntheticUscc(i)},合成主体${i},2018-04-01`);
        records.push(`${syntheticUscc(i)},tax_arrears,2023-01-01,税务局,税〔2023〕${i}号`);
      }
      await services.imports.entities(Buffer.from(entities.join('\n')), 'csv', '2023-06-01');
      await services.imports.records(Buffer.from(records.join('\n')), 'csv', '2023-06-01');

      // On 2026-06-01 the arrears of 2023-01-01 are past their 3-year window: 740 -> 770.
      class Killed extends CreditScoring {
        calls = 0;
        override async rescore(db: Kysely<Database>, uscc: string, on: string, reason: string) {
          this.calls += 1;
          if (this.calls === 8) throw new Error('killed');
          return super.rescore(db, uscc, on, reason);
        }
      }
      const dying = new CreditRegistry(ctx, new Killed(ctx.params));
      await assert.rejects(rescoreAll(ctx, dying, '2026-06-01'), /killed/);

      const resumed = await rescoreAll(ctx, services.registry, '2026-06-01');
      assert.equal(resumed.resumed, true);
      assert.equal(resumed.total, N);
      assert.equal(resumed.applied, N - 7);

      const again = await rescoreAll(ctx, services.registry, '2026-06-01');
      assert.equal(again.applied, 0);

      const rows = await ctx.store.db.selectFrom('credit_score').select(['uscc', 'score']).orderBy('computed_at').execute();
      const byEntity = new Map<string, number[]>();
      for (const r of rows) byEntity.set(r.uscc, [...(byEntity.get(r.uscc) ?? []), Number(r.score)]);
      assert.equal(byEntity.size, N);
      // Import on 2023-06-01: 770 on registration, 740 with the arrears; 2026: back to 770.
      for (const [uscc, scores] of byEntity) assert.deepEqual(scores, [770, 740, 770], uscc);
    } finally {
      await ctx.close();
    }
  });
});
