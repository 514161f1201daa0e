/**
 * The model's fit, or null when it cannot fit this history (augurs finds no model for some
 * flat or sparse series): that series goes without a forecast instead of failing the run.
 */
export function fitOrNull<T>(fit: () => T): T | null {
  try {
    return fit();
  } catch {
    return null;
  }
}
