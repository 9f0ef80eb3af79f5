import { model, Schema, type Types } from 'mongoose';

/**
 * The certificate a charity redemption is given: numbered per Shanghai business year without gaps
 * (`GY2026-000123`). The document is the number taken: its two unique keys mean an order holds one number and a
 * number belongs to one order, in one insert. It names the order only, so it holds no personal data.
 */
export interface DonationCertificate {
  _id: Types.ObjectId;
  orderId: Types.ObjectId;
  year: number;
  seq: number;
  certificateNo: string;
  issuedAt: Date;
}

const donationCertificateSchema = new Schema<DonationCertificate>(
  {
    orderId: { type: Schema.Types.ObjectId, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    certificateNo: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  { collection: 'donation_certificates', versionKey: false },
);
donationCertificateSchema.index({ orderId: 1 }, { unique: true, name: 'certificate_once_per_order' });
donationCertificateSchema.index({ year: 1, seq: 1 }, { unique: true, name: 'certificate_number_once' });

export const DonationCertificateModel = model<DonationCertificate>('DonationCertificate', donationCertificateSchema);
