"""The Data Docs index builder, with a cache: GX's DefaultSiteIndexBuilder re-reads every stored
validation result on each build (~4 ms each, i.e. seconds after a few hundred runs); this one keeps
what the index needs per result in <data_docs_dir>/.gx_index_cache.json."""
from __future__ import annotations

import json
import os
from pathlib import Path

_INDEX_CACHE = ".gx_index_cache.json"


def _make_index_builder_class():
    """DefaultSiteIndexBuilder with a cache of the per-result index info (built lazily: GX import)."""
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResult
    from great_expectations.render.renderer import site_builder as sb
    from great_expectations.util import convert_to_json_serializable

    class CachedSiteIndexBuilder(sb.DefaultSiteIndexBuilder):
        def _cache_path(self) -> Path | None:
            store = self.data_context.stores.get(self.source_stores.get("validations") or "")
            backend = getattr(store, "store_backend", None)
            root = getattr(backend, "full_base_directory", None)
            # Next to (not inside) the store directory: the store lists every file in it.
            return Path(root).parent / _INDEX_CACHE if root else None

        def _add_expectations_to_index_links(self, index_links_dict, skip_and_clean_missing):
            # The audit's contexts hold no suites, so GX would list none and delete every suite page
            # (expectations/<suite>.html), which pipeline.quality.data_docs.build_suite_pages then
            # renders again on each build (~0.3 s): with no suite in the store, list none and keep them.
            source = self.site_section_builders_config.get("expectations") or {}
            store = self.data_context.stores.get(source.get("source_store_name") or "") if isinstance(source, dict) else None
            if store is not None and not store.list_keys():
                return
            super()._add_expectations_to_index_links(index_links_dict, skip_and_clean_missing)

        def _add_validations_to_index_links(self, index_links_dict, validation_and_profiling_result_site_keys):
            validations = self.site_section_builders_config.get("validations", "None")
            if not validations or validations in sb.FALSEY_YAML_STRINGS:
                return
            run_name_filter = self.site_section_builders_config["validations"]["run_name_filter"]
            keys = sorted(
                (k for k in validation_and_profiling_result_site_keys
                 if sb.resource_key_passes_run_name_filter(k, run_name_filter)),
                key=lambda k: k.run_id.run_time, reverse=True,
            )
            if self.validation_results_limit:
                keys = keys[: self.validation_results_limit]
            cache_path = self._cache_path()
            cache: dict = {}
            if cache_path is not None and cache_path.exists():
                try:
                    cache = json.loads(cache_path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    cache = {}
            changed = False
            for key in keys:
                ck = "/".join(str(p) for p in key.to_tuple())
                info = cache.get(ck)
                if info is None:
                    try:
                        validation = self.data_context.get_validation_result(
                            batch_identifier=key.batch_identifier,
                            expectation_suite_name=key.expectation_suite_identifier.name,
                            run_id=key.run_id,
                            validation_results_store_name=self.source_stores.get("validations"),
                        )
                    except Exception:  # noqa: BLE001 - same tolerance as GX's builder
                        validation = None
                    if not isinstance(validation, ExpectationSuiteValidationResult):
                        continue
                    info = convert_to_json_serializable({
                        "success": validation.success,
                        "asset_name": sb._resolve_asset_name(validation),
                        "batch_kwargs": validation.meta.get("batch_kwargs", {}),
                        "batch_spec": validation.meta.get("batch_spec", {}),
                    })
                    cache[ck] = info
                    changed = True
                self.add_resource_info_to_index_links_dict(
                    index_links_dict=index_links_dict,
                    expectation_suite_name=key.expectation_suite_identifier.name,
                    section_name="validations",
                    batch_identifier=key.batch_identifier,
                    run_id=key.run_id,
                    validation_success=info["success"],
                    run_time=key.run_id.run_time,
                    run_name=key.run_id.run_name,
                    asset_name=info.get("asset_name"),
                    batch_kwargs=info.get("batch_kwargs") or {},
                    batch_spec=info.get("batch_spec") or {},
                )
            if changed and cache_path is not None:
                tmp = cache_path.with_name(f"{cache_path.name}.{os.getpid()}.tmp")
                tmp.write_text(json.dumps(cache), encoding="utf-8")
                os.replace(tmp, cache_path)

    return CachedSiteIndexBuilder


def __getattr__(name: str):
    # GX instantiates the index builder by module and class name; build the class on demand
    # so that importing this module does not import GX.
    if name == "CachedSiteIndexBuilder":
        cls = _make_index_builder_class()
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
