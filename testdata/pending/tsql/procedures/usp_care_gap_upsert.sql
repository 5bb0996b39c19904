-- Opens or closes one care gap for a member. Called per event by the care-management application.
CREATE PROCEDURE cm.usp_UpsertCareGap
    @MemberID    INT,
    @GapCode     VARCHAR(20),
    @EventDate   DATE,
    @Closed      BIT,
    @Source      VARCHAR(20) = 'CLAIMS',
    @GapID       INT = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    SELECT @GapID = GapID
    FROM cm.CareGap WITH (UPDLOCK, HOLDLOCK)
    WHERE MemberID = @MemberID AND GapCode = @GapCode AND MeasureYear = YEAR(@EventDate);

    IF @GapID IS NULL
    BEGIN
        IF @Closed = 1
        BEGIN
            -- closing a gap that was never opened: record it closed
            INSERT INTO cm.CareGap (MemberID, GapCode, MeasureYear, Status, OpenedDate, ClosedDate, Source)
            VALUES (@MemberID, @GapCode, YEAR(@EventDate), 'CLOSED', @EventDate, @EventDate, @Source);
        END
        ELSE
            INSERT INTO cm.CareGap (MemberID, GapCode, MeasureYear, Status, OpenedDate, Source)
            VALUES (@MemberID, @GapCode, YEAR(@EventDate), 'OPEN', @EventDate, @Source);

        SET @GapID = SCOPE_IDENTITY();
    END
    ELSE IF @Closed = 1
        UPDATE cm.CareGap
        SET Status = 'CLOSED', ClosedDate = @EventDate, Source = @Source
        WHERE GapID = @GapID AND Status <> 'CLOSED';
    ELSE
        UPDATE cm.CareGap
        SET Status = 'OPEN', ClosedDate = NULL
        WHERE GapID = @GapID AND Status = 'CLOSED' AND ClosedDate < @EventDate;

    INSERT INTO cm.CareGapEvent (GapID, EventDate, Closed, Source, RowsChanged)
    VALUES (@GapID, @EventDate, @Closed, @Source, @@ROWCOUNT);
END
GO
