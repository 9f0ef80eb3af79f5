import { memberAgreement } from '@cakeday/shared';
import { LegalTextView } from '../../../components/LegalTextView';
import '../index.scss';

export function AgreementPage(): JSX.Element {
  return <LegalTextView text={memberAgreement} />;
}

export default AgreementPage;
