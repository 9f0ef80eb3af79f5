/**
 * Platform files: on weapp, WeChat asks (onNeedPrivacyAuthorization) before the phone sheet opens and this
 * shows our privacy notice with an agree button; H5 has nothing to ask.
 */
export declare function PrivacyAuthorization(): JSX.Element | null;
