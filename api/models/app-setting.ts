import { Schema, type Connection } from 'mongoose';

/** Server-wide values every instance must share, such as the generated signing secret. */
const appSettingSchema = new Schema(
  {
    _id: { type: String, required: true },
    value: { type: String, required: true },
  },
  { versionKey: false },
);

export function defineAppSettingModel(connection: Connection) {
  return connection.model('AppSetting', appSettingSchema, 'app_settings');
}
