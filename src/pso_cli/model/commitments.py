"""Current deployments (the commitments file), read by agency rules for concurrency."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field, StrictBool

from pso_cli.model import enums as e
from pso_cli.model.fields import Base, Count, Name, Text, empty_list
from pso_cli.model.proposal import Source


class Agency(e.Choice):
    NZDF = "nzdf"
    POLICE = "police"
    MFAT = "mfat"
    OTHER = "other"


AgencyField = Annotated[Agency, BeforeValidator(Agency.normaliser())]


class Deployment(Base):
    operation: Name = Field(description="Operation or mission name.")
    country: Name = Field(description="Country or territory where deployed.")
    agency: AgencyField = Field(description="Agency: nzdf, police, mfat or other.")
    personnel: Count = Field(description="Personnel deployed at any one time.")
    start: dt.date = Field(description="When the deployment began.")
    end: dt.date | None = Field(None, description="When it ends; absent means open-ended.")
    pacific: StrictBool = Field(
        False, description="Is it in the Pacific (counts as regional response)?"
    )
    source: Text | None = Field(None, description="Where the figure comes from.")

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and (self.end is None or self.end >= start)


class Commitments(Base):
    """NZ's current deployments, used to judge concurrency and the Pacific reserve."""

    # Built on first use: `pso validate` imports this model for every file it checks but
    # needs it only for a commitments file.
    model_config = ConfigDict(defer_build=True)

    commitments_format: Literal[1] = Field(description="Commitments format version; must be 1.")
    as_of: dt.date | None = Field(None, description="Date the picture was taken.")
    deployments: list[Deployment] = Field(default_factory=empty_list, description="Deployments.")
    sources: list[Source] = Field(
        default_factory=empty_list, description="Sources for the figures."
    )
