import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session")
def prefect_api():
    """One throwaway Prefect API (SQLite in a temp dir) for every flow run of the session."""
    with prefect_test_harness(server_startup_timeout=240):
        yield
