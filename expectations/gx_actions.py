"""A Great Expectations checkpoint action (imported only when GX runs: it imports GX).

No `from __future__ import annotations` here: GX's actions are pydantic v1 models, which
need the `type` annotation as a real Literal.
"""

from typing import Literal

from great_expectations.checkpoint import UpdateDataDocsAction
from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier


class UpdateDataDocsWithAssetNames(UpdateDataDocsAction):
    """GX's UpdateDataDocsAction, with two differences:

    - each result's data asset name is copied where the Data Docs page looks for it (the
      batch spec of a fluent pandas asset has none, so the page said "Data asset: None");
      pages are rendered from the stored results, so the named results are stored again;
    - the site is built once for the whole checkpoint run, not once per validation: GX
      rebuilds the index and the suite pages on every build (8 of them: 6.6 s of 8.7).
    """

    type: Literal["update_data_docs_with_asset_names"] = "update_data_docs_with_asset_names"

    def run(self, checkpoint_result, action_context=None) -> dict:
        store = self._resolve_context().context.validation_results_store
        identifiers = []
        for key, result in checkpoint_result.run_results.items():
            asset = (result.meta.get("active_batch_definition") or {}).get("data_asset_name")
            spec = result.meta.get("batch_spec")
            if asset and isinstance(spec, dict):
                spec["data_asset_name"] = asset
                store.set(key, result)
            identifiers += [key, ExpectationSuiteIdentifier(name=result.suite_name)]
        self._build_data_docs(site_names=self.site_names, resource_identifiers=identifiers)
        return {key: {} for key in checkpoint_result.run_results}
