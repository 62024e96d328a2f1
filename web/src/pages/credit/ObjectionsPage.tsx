/** 异议处理: the objection queue for the departments that check them (D2 二(四)2). */
import { CaseQueue } from './CaseQueue.tsx';
import { CreditFrame } from './caller.tsx';

export default function ObjectionsPage() {
  return (
    <CreditFrame>
      <CaseQueue kind="objection" />
    </CreditFrame>
  );
}
