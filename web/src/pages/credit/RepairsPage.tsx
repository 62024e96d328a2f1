/** 信用修复: the repair queue for the departments that check them (D2 二(四)3). */
import { CaseQueue } from './CaseQueue.tsx';
import { CreditFrame } from './caller.tsx';

export default function RepairsPage() {
  return (
    <CreditFrame>
      <CaseQueue kind="repair" />
    </CreditFrame>
  );
}
