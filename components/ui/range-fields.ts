// The pure half of the time-range fields (time-range-picker.tsx): which range they show once the
// page has hydrated.

export interface RangeFieldValues {
  fromDay: string;
  fromHour: number;
  toDay: string;
  toHour: number;
}

/** The four inputs' values as the DOM holds them (a date input's "" or YYYY-MM-DD, an hour's "0"–"23"). */
export interface RangeInputValues {
  from: string;
  fromHour: string;
  to: string;
  toHour: string;
}

export const EMPTY_RANGE_FIELDS: RangeFieldValues = { fromDay: "", fromHour: 0, toDay: "", toHour: 23 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function hour(text: string, fallback: number): number {
  const value = Number(text);
  return text !== "" && Number.isInteger(value) && value >= 0 && value <= 23 ? value : fallback;
}

/**
 * The range to show at hydration. The server rendered the URL's range, so the inputs hold it
 * unless the visitor typed or chose before the scripts ran; then what they hold is the visitor's
 * and wins over the URL's (taking the URL's wiped a day typed early, and the search then ran over
 * all time). A value no input could hold falls back to the URL's.
 */
export function fieldsAtHydration(inputs: RangeInputValues, fromUrl: RangeFieldValues): RangeFieldValues {
  return {
    fromDay: inputs.from === "" || DAY.test(inputs.from) ? inputs.from : fromUrl.fromDay,
    fromHour: hour(inputs.fromHour, fromUrl.fromHour),
    toDay: inputs.to === "" || DAY.test(inputs.to) ? inputs.to : fromUrl.toDay,
    toHour: hour(inputs.toHour, fromUrl.toHour),
  };
}

export const sameRangeFields = (a: RangeFieldValues, b: RangeFieldValues) => a.fromDay === b.fromDay && a.fromHour === b.fromHour && a.toDay === b.toDay && a.toHour === b.toHour;
