/* legacy enrollment validator, SQL 2000 era -- semicolonless, @@ERROR checks, GOTO for cleanup */
create procedure dbo.usp_ValidateEnrollmentFile
    @FileName varchar(255)
as
set nocount on
declare @FileID int, @errors int, @err int

select @FileID = FileID from stage.EnrollmentFile where FileName = @FileName
if @FileID is null
begin
    raiserror('File %s was not staged', 16, 1, @FileName)
    return 1
end

begin tran

update stage.EnrollmentRow
set ErrorText = 'Missing subscriber id'
where FileID = @FileID and (SubscriberID is null or ltrim(SubscriberID) = '')
select @err = @@error
if @err <> 0 goto rollback_out

update stage.EnrollmentRow
set ErrorText = isnull(ErrorText + '; ', '') + 'Bad effective date'
where FileID = @FileID and isdate(EffDateText) = 0
select @err = @@error
if @err <> 0 goto rollback_out

update stage.EnrollmentRow
set ErrorText = isnull(ErrorText + '; ', '') + 'Term before effective'
where FileID = @FileID
  and isdate(EffDateText) = 1 and isdate(TermDateText) = 1
  and convert(datetime, TermDateText) < convert(datetime, EffDateText)
select @err = @@error
if @err <> 0 goto rollback_out

update stage.EnrollmentRow
set ErrorText = isnull(ErrorText + '; ', '') + 'Unknown plan'
where FileID = @FileID
  and PlanCode not in (select PlanCode from ref.PlanCode where Active = 'Y')
select @err = @@error
if @err <> 0 goto rollback_out

select @errors = count(*) from stage.EnrollmentRow where FileID = @FileID and ErrorText is not null

update stage.EnrollmentFile
set Status = case when @errors = 0 then 'VALID' else 'ERRORS' end,
    ErrorCount = @errors,
    ValidatedDate = getdate()
where FileID = @FileID

commit tran
return 0

rollback_out:
rollback tran
raiserror('Validation of %s failed with error %d', 16, 1, @FileName, @err)
return 2
go
