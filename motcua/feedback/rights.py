"""Which staff right (`org.selectors.Action`) each business action needs in the feedback's responsible agency.

Desk officers (RECEIVE) accept, refuse, route and transfer feedback, and record what a sender brings to the
desk; specialists (PROCESS) ask the sender for more information and draft answers; leaders (APPROVE) approve
or return the draft and decide on publication. Leaders act in the agencies below theirs too (org rule).
Viewing needs VIEW_DOSSIER, held by every staff role. The sender acts with the lookup secret.
"""

from motcua.org.selectors import Action

RIGHTS: dict[str, str] = {
    "accept": Action.RECEIVE,
    "refuse": Action.RECEIVE,
    "forward": Action.RECEIVE,
    "supplement": Action.RECEIVE,
    "request_information": Action.PROCESS,
    "draft_answer": Action.PROCESS,
    "return_draft": Action.APPROVE,
    "answer": Action.APPROVE,
    "publish": Action.APPROVE,
    "close": Action.APPROVE,
}
VIEW = Action.VIEW_DOSSIER
