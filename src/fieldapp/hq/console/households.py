"""困难户台账 and 户档案: the ledger's list (search, filters, paging in SQL) and one household's file."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from fieldapp.hq import accounts, actions, ledger, reveal, web
from fieldapp.hq.console.common import Console, Refused
from fieldapp.hq.web import Caller


def routes(con: Console) -> APIRouter:
    r = APIRouter()
    hq = con.hq

    @r.get("/households")
    def households(
        who: Annotated[Caller, Depends(con.signed_in)],
        request: Request,
        q: str = "",
        county: str = "",
        category: str = "",
        status: str = "",
        sort: str = "name",
        page_no: int = 1,
    ) -> Response:
        query = ledger.HouseholdQuery(
            q=q.strip()[:100], county=county, category=category, status=status, sort=sort, page=page_no
        )
        result = ledger.search_households(hq, who.staff, query)
        params = {"q": query.q, "county": county, "category": category, "status": status, "sort": sort}
        return con.page(
            request,
            "households.html",
            who,
            result=result,
            query=query,
            counties=ledger.counties(who.staff),
            categories=ledger.CATEGORIES,
            statuses=ledger.STATUSES,
            sorts=[(key, "按" + label) for key, label in ledger.SORT_LABELS.items()],
            base_params=params,
            nav="households",
        )

    @r.get("/households/{household_id}")
    def household(
        who: Annotated[Caller, Depends(con.signed_in)], request: Request, household_id: str
    ) -> Response:
        found = ledger.household_file(hq, who.staff, household_id)
        if found is None:
            raise Refused(404, "没有这一户，或不在您的查看范围内。")
        accounts.record(
            hq, who.staff, "view_household", found.summary.code, household_id, web.client_of(request)
        )
        return con.page(
            request,
            "household.html",
            who,
            f=found,
            may_hand_over=actions.allowed(who.staff, "handover"),
            may_reveal=actions.allowed(who.staff, "reveal"),
            revealed=False,
            nav="households",
        )

    @r.post("/households/{household_id}/reveal")
    def household_reveal(
        who: Annotated[Caller, Depends(con.acting("reveal"))], request: Request, household_id: str
    ) -> Response:
        """The file once more with full ID and phone numbers (audited); the next view is masked."""
        found = reveal.revealed_file(hq, who.staff, household_id, web.client_of(request))
        if found is None:
            raise Refused(404, "没有这一户，或不在您的查看范围内。")
        return con.page(
            request,
            "household.html",
            who,
            f=found,
            may_hand_over=actions.allowed(who.staff, "handover"),
            may_reveal=True,
            revealed=True,
            nav="households",
        )

    return r
