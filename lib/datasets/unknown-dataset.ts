// The 404 of a dataset id nobody published, listing the ones that exist.
import { apiError } from "../api/errors";
import { DATASET_IDS } from "./registry";

export const unknownDataset = () => apiError(404, "not_found", `Unknown dataset. Known: ${DATASET_IDS.join(", ")}.`, [{ parameter: "id", message: "unknown dataset" }]);
