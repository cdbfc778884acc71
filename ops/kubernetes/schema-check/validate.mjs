// Reads a JSON array of Kubernetes resources on stdin and validates each against the JSON schema of its
// apiVersion and kind: the Kubernetes API's own (kubernetes-models) and the KEDA and Prometheus Operator CRDs'.
// Prints one line per resource: "valid", "INVALID" with the schema's complaints, or "unvalidated" for a kind it
// has no schema of. Exits 1 when any resource is invalid. The schemas check types, required fields and enums;
// like the API server without strict field validation, they let unknown fields through.
import { readFileSync } from "node:fs";

const MODELS = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/PersistentVolumeClaim": "kubernetes-models/v1/PersistentVolumeClaim",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "batch/v1/Job": "kubernetes-models/batch/v1/Job",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "keda.sh/v1alpha1/ScaledObject": "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject",
  "monitoring.coreos.com/v1/ServiceMonitor":
    "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
};

let invalid = 0;
for (const resource of JSON.parse(readFileSync(0, "utf8"))) {
  const type = `${resource.apiVersion}/${resource.kind}`;
  const name = `${type} ${resource.metadata?.name}`;
  const module = MODELS[type];
  if (!module) {
    console.log(`unvalidated ${name}`);
    continue;
  }
  const Model = (await import(module))[resource.kind];
  try {
    new Model(resource).validate();
    console.log(`valid ${name}`);
  } catch (error) {
    invalid++;
    console.log(`INVALID ${name}: ${error.message}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
