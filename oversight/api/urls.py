"""The API object and its routers. Its OpenAPI description is at /api/openapi.json."""

from ninja import NinjaAPI

from oversight.api.improvement import router as improvement
from oversight.api.indicators import router as indicators
from oversight.api.inspection import router as inspection
from oversight.api.quality import router as quality
from oversight.api.security import verified_session

api = NinjaAPI(
    title="Oversight API",
    version="1",
    description="Children's services indicators for one local authority, and inspection "
    "outcomes for every LA, and this LA's self-evaluation and improvement plan. Sign in first "
    "(password and security code); every list of children is written to the access log.",
    auth=verified_session,
    docs_url=None,  # the interactive docs load scripts from elsewhere; the description is enough
    urls_namespace="api",
)
api.add_router("/indicators/", indicators)
api.add_router("/inspection/", inspection)
api.add_router("/improvement/", improvement)
api.add_router("/quality/", quality)
