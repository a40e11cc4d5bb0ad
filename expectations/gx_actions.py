"""A Great Expectations checkpoint action (imported only when GX runs: it imports GX).

No `from __future__ import annotations` here: GX's actions are pydantic v1 models, which
need the `type` annotation as a real Literal.
"""

from typing import Literal

from great_expectations.checkpoint import UpdateDataDocsAction


class UpdateDataDocsWithAssetNames(UpdateDataDocsAction):
    """GX's UpdateDataDocsAction, which first copies each result's data asset name where
    the Data Docs page looks for it (the batch spec of a fluent pandas asset has none, so
    the page said "Data asset: None"). The pages are rendered from the stored results,
    so the named results are stored again first."""

    type: Literal["update_data_docs_with_asset_names"] = "update_data_docs_with_asset_names"

    def run(self, checkpoint_result, action_context=None) -> dict:
        store = self._resolve_context().context.validation_results_store
        for key, result in checkpoint_result.run_results.items():
            asset = (result.meta.get("active_batch_definition") or {}).get("data_asset_name")
            spec = result.meta.get("batch_spec")
            if asset and isinstance(spec, dict):
                spec["data_asset_name"] = asset
                store.set(key, result)
        return super().run(checkpoint_result, action_context)
