"""依申请公开: applications for disclosure on request, their statutory clock, outcomes, notices and appeals."""
