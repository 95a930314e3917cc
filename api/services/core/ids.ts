import { Types } from 'mongoose';

/** A 24-hex-digit id as an ObjectId, or undefined. (ObjectId.isValid also accepts any 12-character string.) */
export function parseObjectId(id: string): Types.ObjectId | undefined {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}
