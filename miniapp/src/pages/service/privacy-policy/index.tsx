import { privacyPolicy } from '@cakeday/shared';
import { LegalTextView } from '../../../components/LegalTextView';
import '../index.scss';

export function PrivacyPolicyPage(): JSX.Element {
  return <LegalTextView text={privacyPolicy} />;
}

export default PrivacyPolicyPage;
