/**
 * 信用档案 of one entity for departments: the profile (score, breakdown,
 * history, records, measures, yes/no answers as the role allows) and, for
 * departments that report records, the record form, whose answer reloads
 * the profile so the new grade shows at once.
 */
import { useState } from 'react';

import type { PageProps } from '../../routes.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { EntityProfile } from './EntityProfile.tsx';
import { RecordForm } from './RecordForm.tsx';

export default function EntityPage({ params }: PageProps) {
  return (
    <CreditFrame>
      <Entity uscc={(params.uscc ?? '').toUpperCase()} />
    </CreditFrame>
  );
}

function Entity({ uscc }: { uscc: string }) {
  const { may } = useCaller();
  const [round, setRound] = useState(0);
  return (
    <>
      <EntityProfile uscc={uscc} round={round} />
      {may('record.write') ? <RecordForm uscc={uscc} onSaved={() => setRound((r) => r + 1)} /> : null}
    </>
  );
}
